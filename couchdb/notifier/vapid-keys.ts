/**
 * The notifier's VAPID key pair (RFC 8292), made on first start and kept in the data folder:
 * push services accept messages only from the key a device subscribed with, so it must
 * survive restarts (a new pair would silence every device until it subscribed again).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import webpush from 'web-push';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

export function loadOrCreateVapidKeys(file: string): VapidKeys {
	if (existsSync(file)) {
		const keys = JSON.parse(readFileSync(file, 'utf8')) as Partial<VapidKeys>;
		if (typeof keys.publicKey === 'string' && typeof keys.privateKey === 'string') return { publicKey: keys.publicKey, privateKey: keys.privateKey };
	}
	const keys = webpush.generateVAPIDKeys();
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
	return keys;
}
