import { describe, expect, it } from 'vitest';
import { testDirectory } from '../../src/lib/domain/notifications/test-county';
import { aWeek, idOf, TransactionWriter } from '../../src/lib/domain/test-transactions';
import { seqNumber } from './changes-feed';
import { CountyMirror } from './county-mirror';

describe('the worker’s copy of the county', () => {
	it('folds transactions and keeps the directory; a deleted person is forgotten', () => {
		const mirror = new CountyMirror(() => undefined);
		const { libraries, people } = testDirectory();
		const request = new TransactionWriter().write('request.posted', 'tolga', { skills: ['cataloguing'], description: 'Hjelp', days: 1, dates: [aWeek], urgency: 'urgent' });
		mirror.apply([...libraries.values(), ...people, { ...request, _rev: '1-a' }]);
		expect(mirror.state.requests.get(idOf(request))?.urgency).toBe('urgent');
		expect(mirror.directory.libraries.get('hamar')?.name).toBe('Hamar bibliotek');
		mirror.apply([{ _id: 'person:hanne', _deleted: true }]);
		expect(mirror.directory.people.map((p) => p._id)).not.toContain('person:hanne');
		expect(mirror.skipped).toBe(0);
	});

	it('skips malformed or rewritten documents with a log line and goes on', () => {
		const lines: string[] = [];
		const mirror = new CountyMirror((line) => lines.push(line));
		const good = new TransactionWriter().write('request.posted', 'tolga', { skills: ['cataloguing'], description: 'Hjelp', days: 1, dates: [], urgency: 'urgent' });
		const rewritten = { ...new TransactionWriter('otherdevice1').write('request.posted', 'os', { skills: ['cataloguing'], description: 'Ekte', days: 1, dates: [], urgency: 'planned' }), description: 'Forfalsket' };
		mirror.apply([{ _id: 'tx:nonsense', type: 'tx' }, { _id: 'person:x', type: 'person' }, rewritten, good]);
		expect(mirror.skipped).toBe(3);
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(/^notifier: skipped tx:nonsense: /);
		expect(lines[2]).toContain('does not match its id');
		expect([...mirror.state.requests.keys()]).toEqual([idOf(good)]);
	});

	it('orders embedded and CouchDB sequences by their number', () => {
		expect(seqNumber(12)).toBe(12);
		expect(seqNumber('42-g1AAAAB')).toBe(42);
		expect(seqNumber(null)).toBe(-1);
	});
});
