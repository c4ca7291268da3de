/**
 * Delivery through SMTP with nodemailer, and what a failure means: a 5xx answer to the
 * recipient is a bounce (the address is marked and never tried again); anything else (server
 * down, a 4xx "try later", a timeout) is temporary and the message waits for a retry.
 */
import nodemailer from 'nodemailer';
import type { ComposedMail } from './compose';

export type SendResult = { ok: true } | { ok: false; permanent: boolean; reason: string };

export interface Mailer {
	send(mail: ComposedMail): Promise<SendResult>;
	close(): void;
}

interface SmtpError {
	code?: string;
	responseCode?: number;
	response?: string;
	message?: string;
	rejected?: string[];
}

export function classifySmtpError(error: SmtpError): { permanent: boolean; reason: string } {
	const reason = error.response ?? error.message ?? String(error);
	// Only a refusal of the recipient itself says the address is bad; a 5xx to the sender or to
	// authentication is the operator's problem, and the message should wait for them to fix it.
	const recipientRefused = error.code === 'EENVELOPE' && error.responseCode !== undefined && error.responseCode >= 500;
	return { permanent: recipientRefused, reason };
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
	// Short timeouts: a server that is down should make messages wait, not the worker hang.
	const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 }, { from });
	return {
		async send(mail) {
			try {
				const info = await transport.sendMail({ from, ...mail });
				if (info.rejected.length > 0) return { ok: false, permanent: true, reason: `rejected ${info.rejected.join(', ')}` };
				return { ok: true };
			} catch (error) {
				return { ok: false, ...classifySmtpError(error as SmtpError) };
			}
		},
		close: () => transport.close()
	};
}
