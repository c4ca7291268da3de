import { describe, expect, it } from 'vitest';
import { noticeKey, type Notice } from '../../src/lib/domain/notifications/notice';
import { FORGET_AFTER_DAYS, forgetSettled } from './forget-settled';
import { emptyMemory } from './notifier-store';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7);
const key = (subject: string) => noticeKey('proposal-to-answer', subject, 'post@hamar.example');
const notice = (k: string): Notice => ({ key: k, kind: 'proposal-to-answer', to: { library: 'hamar', name: 'Hamar bibliotek', address: 'post@hamar.example', locale: 'nb' }, urgency: 'normal', link: '/', params: {}, at: NOW });

describe("the notifier's memory of what it settled", () => {
	it(`forgets a notice that is no longer true once it has been settled for ${FORGET_AFTER_DAYS} days, and its pushes with it`, () => {
		const memory = emptyMemory();
		memory.sent[key('old')] = { at: NOW - (FORGET_AFTER_DAYS + 1) * DAY, how: 'delivered' };
		memory.sent[key('recent')] = { at: NOW - (FORGET_AFTER_DAYS - 1) * DAY, how: 'delivered' };
		memory.pushed = { 'proposal-to-answer:old>https://push.example/a': NOW - 100 * DAY, 'proposal-to-answer:recent>https://push.example/a': NOW - 100 * DAY };
		memory.sent[key('recent-push')] = { at: NOW, how: 'delivered' };
		memory.pushed['proposal-to-answer:recent-push>https://push.example/a'] = NOW - DAY;
		memory.gonePush = { 'https://push.example/dead-long-ago': NOW - 91 * DAY, 'https://push.example/dead-lately': NOW - 10 * DAY };

		expect(forgetSettled(memory, new Set(), NOW)).toBe(4);
		expect(Object.keys(memory.gonePush)).toEqual(['https://push.example/dead-lately']);
		expect(Object.keys(memory.sent).sort()).toEqual([key('recent'), key('recent-push')].sort());
		expect(Object.keys(memory.pushed)).toEqual(['proposal-to-answer:recent-push>https://push.example/a']);
	});

	it('keeps, however old, what is still true, what waits in the outbox and what is held for a digest', () => {
		const memory = emptyMemory();
		const long = NOW - 400 * DAY;
		for (const subject of ['true', 'queued', 'held']) memory.sent[key(subject)] = { at: long, how: subject === 'held' ? 'held' : 'baseline' };
		memory.outbox.push({ notice: notice(key('queued')), notBefore: NOW, attempts: 0 });
		memory.held = [notice(key('held'))];
		memory.pushed = { 'proposal-to-answer:true>https://push.example/a': long };

		expect(forgetSettled(memory, new Set([key('true')]), NOW)).toBe(0);
		expect(Object.keys(memory.sent).sort()).toEqual([key('held'), key('queued'), key('true')].sort());
		expect(Object.keys(memory.pushed)).toHaveLength(1);
	});
});
