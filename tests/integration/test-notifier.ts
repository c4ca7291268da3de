/**
 * Test helper: the notifier service following a test server's county, with a throw-away data
 * folder, delivering to a real SMTP server of the test's own (the mail catcher). Each test says
 * only what differs: the clock, the sending window, what the SMTP server refuses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailCatcher, type MailCatcher, type MailCatcherOptions } from '../../couchdb/notifier/mail-catcher';
import { startNotifierService, type NotifierService, type NotifierServiceOptions } from '../../couchdb/notifier/notifier-service';
import type { SendingWindow } from '../../src/lib/domain/notifications/sending-window';
import type { TestServer } from './embedded-server';

export const TEST_APP_URL = 'https://byttebank.test';

export interface TestNotifierOptions extends Pick<NotifierServiceOptions, 'now' | 'pushAllowLocal' | 'retry'> {
	/** Where the notifier's clock starts (it then runs on in real time). */
	clockStart?: number;
	/** Day and night by default: most tests are not about the sending window. */
	window?: SendingWindow;
	catcher?: MailCatcherOptions;
	/** The data folder of an earlier notifier, to start again from what it saved. */
	dataDir?: string;
}

export interface TestNotifier {
	service: NotifierService;
	catcher: MailCatcher;
	dataDir: string;
	/** Stops it; its data folder is removed unless kept for a restart. */
	close(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestNotifier(server: TestServer, countyDb: string, options: TestNotifierOptions = {}): Promise<TestNotifier> {
	const catcher = await startMailCatcher(options.catcher);
	const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'byttebank-notifier-test-'));
	const service = await startNotifierService({
		config: {
			enabled: true,
			smtpUrl: catcher.smtpUrl,
			mailFrom: 'Byttebank <byttebank@test.example>',
			appUrl: TEST_APP_URL,
			port: 0,
			host: '127.0.0.1',
			catcherPort: 0,
			timeZone: 'Europe/Oslo',
			window: options.window ?? { from: 0, to: 24 },
			...(options.clockStart === undefined ? {} : { clockStart: options.clockStart })
		},
		source: { dbUrl: `${server.dbUrl}/${countyDb}`, auth: server.admin },
		dataDir: dir,
		appUrl: TEST_APP_URL,
		tickMs: 100,
		log: () => undefined,
		now: options.now,
		retry: options.retry,
		pushAllowLocal: options.pushAllowLocal
	});
	return {
		service,
		catcher,
		dataDir: dir,
		close: async ({ keepData = false } = {}) => {
			await service.close();
			await catcher.close();
			if (!keepData) rmSync(dir, { recursive: true, force: true });
		}
	};
}
