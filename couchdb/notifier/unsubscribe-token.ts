/**
 * One-click unsubscribe links carry the address and an HMAC of it under a secret kept in the
 * data folder: anyone holding the e-mail can unsubscribe that address, nobody can guess a link
 * for another.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function loadOrCreateSecret(file: string): string {
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	mkdirSync(dirname(file), { recursive: true });
	const secret = randomBytes(32).toString('hex');
	writeFileSync(file, secret + '\n', { mode: 0o600 });
	return secret;
}

export function unsubscribeToken(secret: string, address: string): string {
	return createHmac('sha256', secret).update(address.toLowerCase()).digest('base64url');
}

export function isValidToken(secret: string, address: string, token: string): boolean {
	const expected = new TextEncoder().encode(unsubscribeToken(secret, address));
	const given = new TextEncoder().encode(token);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

export function unsubscribeUrl(publicUrl: string, secret: string, address: string): string {
	const query = new URLSearchParams({ a: address.toLowerCase(), t: unsubscribeToken(secret, address) });
	return `${publicUrl.replace(/\/$/, '')}/unsubscribe?${query}`;
}
