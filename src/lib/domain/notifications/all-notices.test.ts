import { describe, expect, it } from 'vitest';
import { aWeek, idOf, TransactionWriter } from '../test-transactions';
import { allNotices } from './all-notices';
import { contextOf, osloNoon } from './test-county';

describe('all notices', () => {
	it('gathers every rule, one notice per key, in key order, the same on every call', () => {
		const w = new TransactionWriter();
		const request = w.write('request.posted', 'tolga', { skills: ['cataloguing'], description: 'Hjelp', days: 1, dates: [aWeek], urgency: 'urgent' });
		const answer = w.write('request.answered', 'os', { request: idOf(request), days: 1 });
		const context = contextOf([request, answer], osloNoon('2026-01-12'));
		const notices = allNotices(context);
		expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(['urgent-request', 'proposal-to-answer', 'proposal-unanswered', 'weekly-digest']));
		const keys = notices.map((n) => n.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect([...keys].sort()).toEqual(keys);
		expect(allNotices(context).map((n) => n.key)).toEqual(keys);
	});
});
