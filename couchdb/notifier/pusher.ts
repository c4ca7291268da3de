/**
 * One Web Push message to one device: web-push encrypts the payload for the device's keys
 * (RFC 8291, aes128gcm) and signs the request with the notifier's VAPID key; the request itself
 * goes out with fetch, so a test can stand a plain-HTTP push service beside it. A 404 or 410
 * means the subscription is gone for good (the app was uninstalled, permission withdrawn).
 */
import webpush from 'web-push';
import type { VapidKeys } from './vapid-keys';

export interface PushTarget {
	endpoint: string;
	keys: { p256dh: string; auth: string };
}

export interface PushPayload {
	title: string;
	body: string;
	/** The page the notification opens, a path in the app. */
	url: string;
	/** Replaces an earlier notification of the same thing on the device instead of stacking. */
	tag: string;
}

export type PushResult = { ok: true } | { ok: false; gone: boolean; reason: string };

/** A day: a reminder older than that is no longer worth showing. */
const TTL_SECONDS = 86_400;

export async function sendPush(target: PushTarget, payload: PushPayload, vapid: VapidKeys & { subject: string }): Promise<PushResult> {
	const details = webpush.generateRequestDetails(target, JSON.stringify(payload), {
		vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
		TTL: TTL_SECONDS,
		contentEncoding: 'aes128gcm'
	});
	const headers = Object.fromEntries(Object.entries(details.headers).map(([name, value]) => [name, String(value)]));
	try {
		const response = await fetch(details.endpoint, { method: 'POST', headers, body: details.body ? new Uint8Array(details.body) : undefined, signal: AbortSignal.timeout(15_000) });
		if (response.ok) return { ok: true };
		return { ok: false, gone: response.status === 404 || response.status === 410, reason: `HTTP ${response.status}` };
	} catch (error) {
		return { ok: false, gone: false, reason: (error as Error).message };
	}
}
