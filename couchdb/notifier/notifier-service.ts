/**
 * Everything the notifier runs, put together: the worker, its mailer (SMTP_URL, or the local
 * catcher), and its web side. `npm start` calls this beside the embedded server; cli.ts runs it
 * on its own against any CouchDB.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { FeedSource } from './changes-feed';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { smtpMailer } from './mailer';
import type { NotifierConfig } from './notifier-config';
import { deliveryStatus, librariesOf } from './delivery-status';
import { pushTargetOf } from './push-devices';
import { loadOrCreateVapidKeys } from './vapid-keys';
import { startNotifierHttp } from './notifier-http';
import { serverRootOf, sessionUser } from './session-roles';
import { loadOrCreateSecret } from './unsubscribe-token';
import { Notifier } from './worker';

const UNAUTHORIZED = { code: 401, body: { error: 'unauthorized', reason: 'Log in to the county database first.' } };

export interface NotifierServiceOptions {
	config: NotifierConfig;
	source: FeedSource;
	dataDir: string;
	/** The app's URL, when the config does not name a public one. */
	appUrl: string;
	log?: (line: string) => void;
	/** Overrides for tests: scheduler tick and retry delays. */
	tickMs?: number;
	retry?: { baseMs: number; maxMs: number };
	pageSize?: number;
	/** A clock the test moves (to next Monday, to the first of the month), instead of the config's. */
	now?: () => number;
	/** Tests: accept push endpoints on 127.0.0.1 (a push service stood up by the test). */
	pushAllowLocal?: boolean;
}

export interface NotifierService {
	notifier: Notifier;
	/** The unsubscribe page's origin. */
	url: string;
	/** The local inbox, when no SMTP_URL is set. */
	inboxUrl?: string;
	catcher?: MailCatcher;
	close(): Promise<void>;
}

export async function startNotifierService(options: NotifierServiceOptions): Promise<NotifierService> {
	const { config } = options;
	const folder = join(options.dataDir, 'notifier');
	const secret = loadOrCreateSecret(join(folder, 'unsubscribe-secret'));
	const vapidKeys = loadOrCreateVapidKeys(join(folder, 'vapid-keys.json'));
	// RFC 8292 asks for a contact: the sender's address (push services write to it about abuse).
	const contact = /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom;
	const vapid = { ...vapidKeys, subject: `mailto:${contact}` };
	const catcher = config.smtpUrl ? undefined : await startMailCatcher({ port: config.catcherPort, host: '127.0.0.1', keep: 500 });
	const mailer = smtpMailer(config.smtpUrl ?? catcher!.smtpUrl, config.mailFrom);
	let notifier: Notifier | undefined;
	let http: Awaited<ReturnType<typeof startNotifierHttp>> | undefined;
	try {
		const serverRoot = serverRootOf(options.source.dbUrl);
		// The status and push routes answer only a session the database itself accepts.
		const caller = (headers: IncomingHttpHeaders) => sessionUser(serverRoot, headers).catch(() => null);
		http = await startNotifierHttp({
			port: config.port,
			host: config.host,
			secret,
			catcher,
			unsubscribe: (address) => notifier!.unsubscribe(address),
			vapidPublicKey: vapid.publicKey,
			push: async (method, headers, body) => {
				const user = await caller(headers);
				if (!user || !notifier) return UNAUTHORIZED;
				const libraries = librariesOf(user.roles).own;
				if (libraries.length === 0) return { code: 403, body: { error: 'forbidden', reason: 'Only a library’s users take push messages.' } };
				const target = pushTargetOf(body, options.pushAllowLocal);
				if (typeof target === 'string') return { code: 400, body: { error: 'bad_request', reason: target } };
				if (method === 'DELETE') return (await notifier.removeDevice(target.endpoint, libraries)) ? { code: 200, body: { ok: true } } : { code: 404, body: { error: 'not_found' } };
				if (await notifier.addDevice({ ...target, libraries, user: user.name, at: Date.now() })) return { code: 201, body: { ok: true } };
				return { code: 410, body: { error: 'gone', reason: 'The push service no longer takes messages for this subscription; subscribe again.' } };
			},
			status: async (headers) => {
				const user = await caller(headers);
				if (!user || !notifier) return UNAUTHORIZED;
				return { code: 200, body: { addresses: deliveryStatus(notifier.store.memory, notifier.mirror.directory, user.roles) } };
			}
		});
		const offset = config.clockStart === undefined ? 0 : config.clockStart - Date.now();
		notifier = new Notifier({
			source: options.source,
			stateFile: join(folder, 'state.json'),
			secret,
			mailer,
			appUrl: config.appUrl ?? options.appUrl,
			publicUrl: config.publicUrl ?? http.url,
			timeZone: config.timeZone,
			window: config.window,
			now: options.now ?? (() => Date.now() + offset),
			log: options.log,
			tickMs: options.tickMs,
			retry: options.retry,
			pageSize: options.pageSize,
			vapid
		});
		await notifier.start();
	} catch (error) {
		// Leave no port behind: the caller may carry on without notifications.
		await notifier?.stop();
		mailer.close();
		await http?.close();
		await catcher?.close();
		throw error;
	}
	const started = notifier;
	const web = http;
	return {
		notifier: started,
		url: web.url,
		inboxUrl: catcher ? `${web.url}/inbox` : undefined,
		catcher,
		close: async () => {
			await started.stop();
			mailer.close();
			await web.close();
			await catcher?.close();
		}
	};
}
