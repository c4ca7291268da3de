/**
 * The local mail catcher `npm start` uses when no SMTP_URL is set: an SMTP server (smtp-server,
 * from nodemailer's authors) that keeps what it receives in memory, for the inbox page
 * (notifier-http.ts) and for tests. It can be told to refuse an address, as a real server
 * refuses one that does not exist.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
	id: number;
	at: number;
	to: string[];
	from: string;
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	messageId: string;
}

export interface MailCatcherOptions {
	port?: number;
	host?: string;
	/** Addresses answered with "550 no such user" (a bounce). */
	refuses?: (address: string) => boolean;
	/** Called with each message before the server answers 250; a message only counts once it returns. */
	beforeAccept?: (mail: CaughtMail) => Promise<void> | void;
	/** Keeps at most this many messages (the oldest go first). */
	keep?: number;
}

export interface MailCatcher {
	port: number;
	smtpUrl: string;
	messages: CaughtMail[];
	close(): Promise<void>;
}

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
	const host = options.host ?? '127.0.0.1';
	const messages: CaughtMail[] = [];
	let next = 1;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (options.refuses?.(address.address.toLowerCase())) {
				const error = Object.assign(new Error(`5.1.1 <${address.address}>: no such user`), { responseCode: 550 });
				return callback(error);
			}
			callback();
		},
		onData(stream, session, callback) {
			simpleParser(stream)
				.then(async (parsed) => {
					const headers: Record<string, string> = {};
					for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
					const mail: CaughtMail = {
						id: next++,
						at: Date.now(),
						to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						html: typeof parsed.html === 'string' ? parsed.html : '',
						headers,
						messageId: parsed.messageId ?? ''
					};
					await options.beforeAccept?.(mail);
					messages.push(mail);
					if (options.keep && messages.length > options.keep) messages.splice(0, messages.length - options.keep);
					callback();
				})
				.catch((error: Error) => callback(error));
		}
	});
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(options.port ?? 0, host, () => done());
	});
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		smtpUrl: `smtp://${host}:${port}`,
		messages,
		close: () => new Promise<void>((done) => server.close(() => done()))
	};
}
