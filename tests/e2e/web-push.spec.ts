import { expect, test, type Browser } from '@playwright/test';
import { loginAs, waitForServiceWorker } from './helpers';

/**
 * Web Push, the device's half (no push service is reachable here; the worker's half is
 * tests/integration/web-push.test.ts): a message is delivered to the installed service worker
 * through the DevTools protocol, exactly as a push service would hand it over; the worker shows
 * it as a notification, and its click opens the page it names.
 */
/** Hamar logged in, notifications allowed, the service worker in control. */
async function hamarWithNotifications(browser: Browser, baseURL: string) {
	const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
	await context.grantPermissions(['notifications'], { origin: baseURL });
	const page = await context.newPage();
	await loginAs(page, 'hamar');
	await waitForServiceWorker(page);
	return { context, page };
}

test('a push message shows as a notification, and its click opens the page it names', async ({ browser, baseURL }) => {
	const { context, page } = await hamarWithNotifications(browser, baseURL!);

	const cdp = await context.newCDPSession(page);
	const registration = new Promise<string>((found) => {
		cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
			const ours = registrations.find((r) => r.scopeURL === `${baseURL}/` && !r.isDeleted);
			if (ours) found(ours.registrationId);
		});
	});
	await cdp.send('ServiceWorker.enable');
	const registrationId = await registration;
	const payload = { title: 'Haster: Tolga bibliotek trenger «Katalogisering før nyåpning»', body: 'Tolga bibliotek trenger hjelp i morgen.', url: '/exchanges', tag: 'urgent-request:abc' };
	const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: (n.data as { url: string }).url })));
	// DevTools' hand-over once reached no worker in a CI run (nothing shown for 15 s, no error);
	// what is tested is what the worker does with a message, so it is handed over again until
	// one shows. The same tag replaces, so a second hand-over cannot add a notification.
	const pushUntilShown = async (message: typeof payload) => {
		const expected = [{ title: message.title, body: message.body, tag: message.tag, url: '/exchanges' }];
		let handedOver = 0;
		const deliver = async () => {
			handedOver = Date.now();
			await cdp.send('ServiceWorker.deliverPushMessage', { origin: baseURL!, registrationId, data: JSON.stringify(message) });
		};
		await deliver();
		await expect
			.poll(async () => {
				const now = await shown();
				if (now[0]?.body !== message.body && Date.now() - handedOver > 3000) await deliver();
				return now;
			})
			.toEqual(expected);
	};
	await pushUntilShown(payload);

	// The same thing pushed again replaces its notification rather than stacking a second one.
	await pushUntilShown({ ...payload, body: 'Fortsatt ingen har svart.' });

	// A click on it (as the system's notification centre dispatches it) opens the page it names.
	const [worker] = context.serviceWorkers();
	expect(worker, 'the app’s service worker').toBeTruthy();
	await worker!.evaluate(async () => {
		const scope = self as unknown as { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean };
		const [notification] = await scope.registration.getNotifications();
		const Click = (self as unknown as { NotificationEvent: new (type: string, init: { notification: Notification }) => Event }).NotificationEvent;
		try {
			scope.dispatchEvent(new Click('notificationclick', { notification: notification! }));
		} catch {
			// A script-made event may not waitUntil; the handler has already started the navigation.
		}
	});
	await expect(page).toHaveURL(/\/exchanges$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await context.close();
});

test('the settings page offers notifications on this device, and says plainly when the push service cannot be reached', async ({ browser, baseURL }) => {
	const { context, page } = await hamarWithNotifications(browser, baseURL!);
	await page.goto('/settings');
	const push = page.getByTestId('push-choice');
	await expect(push.getByRole('heading', { name: 'Varsler på denne enheten' })).toBeVisible();
	await expect(push.getByTestId('push-state')).toHaveAttribute('data-state', 'off');
	// No notifier runs beside the test server, and no push service is reachable offline.
	await push.getByRole('button', { name: 'Slå på varsler' }).click();
	await expect(push.getByTestId('push-state')).toHaveAttribute('data-state', 'failed');
	await expect(push.getByTestId('push-state')).toHaveText('Varsler kunne ikke slås på nå. Prøv igjen når enheten er på nett.');
	await context.close();
});

test('a device whose subscription the push service dropped gets a new one when the settings page opens, and stays "on"', async ({ browser, baseURL }) => {
	const { context, page } = await hamarWithNotifications(browser, baseURL!);
	// The browser's push service, standing in for one on the internet: it still holds the
	// subscription the notifier was told is gone, and a subscribe makes a new one.
	await context.addInitScript(() => {
		const made = (endpoint: string) => ({
			endpoint,
			toJSON: () => ({ endpoint, keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' } }),
			unsubscribe: async () => ((current = null), ((window as unknown as { unsubscribed: string[] }).unsubscribed ??= []).push(endpoint), true)
		});
		let current: ReturnType<typeof made> | null = made('https://push.example/old');
		PushManager.prototype.getSubscription = async () => current as unknown as PushSubscription;
		PushManager.prototype.subscribe = async () => (current = made('https://push.example/new')) as unknown as PushSubscription;
	});
	const told: Array<{ endpoint: string; status: number }> = [];
	await context.route('**/notify/vapid-public-key', (route) => route.fulfill({ json: { key: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM' } }));
	await context.route('**/notify/push', async (route) => {
		const { endpoint } = route.request().postDataJSON() as { endpoint: string };
		const status = endpoint.endsWith('/old') ? 410 : 201;
		told.push({ endpoint, status });
		await route.fulfill({ status, json: status === 410 ? { error: 'gone' } : { ok: true } });
	});

	await page.goto('/settings');
	const state = page.getByTestId('push-choice').getByTestId('push-state');
	await expect(state).toHaveAttribute('data-state', 'on');
	expect(told).toEqual([
		{ endpoint: 'https://push.example/old', status: 410 },
		{ endpoint: 'https://push.example/new', status: 201 }
	]);
	expect(await page.evaluate(() => (window as unknown as { unsubscribed?: string[] }).unsubscribed)).toEqual(['https://push.example/old']);
	await context.close();
});
