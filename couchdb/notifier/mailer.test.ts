import { describe, expect, it } from 'vitest';
import { classifySmtpError } from './mailer';

describe('what an SMTP failure means', () => {
	it('takes only a 5xx refusal of the recipient as a bounce', () => {
		expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 no such user' })).toEqual({ permanent: true, reason: '550 5.1.1 no such user' });
	});

	it('lets everything else wait for a retry: a server down, a 4xx, a refused login', () => {
		expect(classifySmtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED' }).permanent).toBe(false);
		expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 451, response: '451 try later' }).permanent).toBe(false);
		expect(classifySmtpError({ code: 'EAUTH', responseCode: 535, response: '535 bad login' }).permanent).toBe(false);
	});
});
