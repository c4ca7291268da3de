import { describe, expect, it } from 'vitest';
import { pushTargetOf } from './push-devices';

const keys = { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' };

describe('a device’s push subscription, as a browser sends it', () => {
	it('is taken for a push service on the internet over https', () => {
		expect(pushTargetOf({ endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys })).toEqual({ endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys });
	});

	it('is refused for plain http, a host inside the network, or without its keys', () => {
		for (const endpoint of ['http://push.example/x', 'https://127.0.0.1/x', 'https://10.1.2.3/x', 'https://192.168.0.5/x', 'https://172.20.0.1/x', 'https://localhost/x', 'https://[::1]/x', 'https://[fd00::1]/x', 'https://[::ffff:127.0.0.1]/x', 'https://169.254.169.254/latest', 'not a url']) {
			expect(typeof pushTargetOf({ endpoint, keys }), endpoint).toBe('string');
		}
		expect(typeof pushTargetOf({ endpoint: 'https://push.example/x', keys: { p256dh: 'x', auth: keys.auth } })).toBe('string');
		expect(typeof pushTargetOf({ endpoint: 'https://push.example/x' })).toBe('string');
		expect(typeof pushTargetOf(null)).toBe('string');
		expect(typeof pushTargetOf({ endpoint: `https://push.example/${'x'.repeat(1200)}`, keys })).toBe('string');
	});

	it('lets a test use a push service on 127.0.0.1 when allowed, and nothing else more', () => {
		expect(pushTargetOf({ endpoint: 'http://127.0.0.1:4000/push', keys }, true)).toEqual({ endpoint: 'http://127.0.0.1:4000/push', keys });
		expect(typeof pushTargetOf({ endpoint: 'http://push.example/x', keys }, true)).toBe('string');
	});
});
