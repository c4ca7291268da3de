/**
 * This device and Web Push: whether it takes the notifier's messages, and turning that on or
 * off. The subscription goes to the notifier (`/notify/push` on the app's origin) with the
 * session cookie, so the device hears what its logged-in library hears. Turning it on needs the
 * browser's push service, which needs the internet: offline it says so and changes nothing.
 */
export type PushState = 'unsupported' | 'denied' | 'off' | 'on' | 'failed';

const KEY_PATH = '/notify/vapid-public-key';
const PUSH_PATH = '/notify/push';

function supported(): boolean {
	return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof window !== 'undefined' && 'PushManager' in window && 'Notification' in window;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = new Uint8Array(new ArrayBuffer(text.length));
	for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
	return bytes;
}

async function currentSubscription(): Promise<PushSubscription | null> {
	const registration = await navigator.serviceWorker.getRegistration();
	return (await registration?.pushManager.getSubscription()) ?? null;
}

const send = (method: 'POST' | 'DELETE', subscription: PushSubscription) =>
	fetch(PUSH_PATH, { method, credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(subscription.toJSON()) });

/** What the page shows, and the subscription behind "on". */
async function observed(): Promise<{ state: PushState; subscription: PushSubscription | null }> {
	if (!supported()) return { state: 'unsupported', subscription: null };
	if (Notification.permission === 'denied') return { state: 'denied', subscription: null };
	const subscription = await currentSubscription().catch(() => null);
	return { state: subscription ? 'on' : 'off', subscription };
}

export async function pushState(): Promise<PushState> {
	return (await observed()).state;
}

/**
 * Tells the notifier again of this device's subscription (the settings page does, online). If
 * the push service has dropped it (the notifier answers 410), it is replaced by a new one with
 * the permission already given, so "on" on the page is true of the device.
 */
export async function confirmPush(): Promise<PushState> {
	const { state, subscription } = await observed();
	if (!subscription || !navigator.onLine) return state;
	const answer = await send('POST', subscription).catch(() => null);
	if (answer?.status !== 410) return 'on';
	await subscription.unsubscribe().catch(() => undefined);
	return enablePush();
}

export async function enablePush(): Promise<PushState> {
	if (!supported()) return 'unsupported';
	const permission = await Notification.requestPermission();
	if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
	try {
		const answer = await fetch(KEY_PATH, { credentials: 'same-origin' });
		if (!answer.ok) return 'failed';
		const { key } = (await answer.json()) as { key: string };
		const registration = await navigator.serviceWorker.ready;
		const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
		if ((await send('POST', subscription)).ok) return 'on';
		await subscription.unsubscribe();
		return 'failed';
	} catch {
		return 'failed';
	}
}

export async function disablePush(): Promise<PushState> {
	const subscription = await currentSubscription().catch(() => null);
	if (!subscription) return 'off';
	// Leave the push service even if the notifier cannot be told now: it forgets the device on its next 410.
	await send('DELETE', subscription).catch(() => undefined);
	await subscription.unsubscribe().catch(() => undefined);
	return 'off';
}
