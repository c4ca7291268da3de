/**
 * The devices that asked for push messages, in the notifier's state file: a device subscribes
 * while a library's user is logged in, and hears what that library hears. Endpoints come from a
 * browser, so they are checked before the notifier ever sends to one: a push service is on the
 * public internet over HTTPS, never a host inside the county's network.
 */
import type { PushTarget } from './pusher';

export interface PushDevice extends PushTarget {
	/** The libraries whose notices it shows (the user's library roles when it subscribed). */
	libraries: string[];
	user: string;
	at: number;
}

const KEY = /^[A-Za-z0-9_-]{16,200}={0,2}$/;

function privateHost(host: string): boolean {
	const h = host.replace(/^\[|\]$/g, '').toLowerCase();
	if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local')) return true;
	// IPv6: loopback, unique local (fc00::/7) and link-local (fe80::/10).
	if (h.includes(':')) return h === '::1' || /^f[cd]/.test(h) || h.startsWith('fe80') || h.startsWith('::ffff:');
	const ip = h.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
	if (!ip) return false;
	const [a, b] = [Number(ip[1]), Number(ip[2])];
	return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The subscription a browser sent, or why it is refused. `allowLocal` lets tests use a push service on 127.0.0.1. */
export function pushTargetOf(body: unknown, allowLocal = false): PushTarget | string {
	if (!body || typeof body !== 'object') return 'not a subscription';
	const { endpoint, keys } = body as { endpoint?: unknown; keys?: { p256dh?: unknown; auth?: unknown } };
	if (typeof endpoint !== 'string' || endpoint.length > 1000) return 'no endpoint';
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return 'the endpoint is not a URL';
	}
	const local = privateHost(url.hostname);
	if (!(allowLocal && local) && (url.protocol !== 'https:' || local)) return 'the endpoint must be a push service on the internet (https)';
	if (typeof keys?.p256dh !== 'string' || typeof keys.auth !== 'string' || !KEY.test(keys.p256dh) || !KEY.test(keys.auth)) return 'the keys are missing or malformed';
	return { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } };
}
