import { describe, expect, it } from 'vitest';
import type { PersonDoc } from '../directory';
import { aWeek, TransactionWriter } from '../test-transactions';
import { allNotices } from './all-notices';
import { deliveryOf } from './preferences';
import { contextOf, osloNoon, testDirectory } from './test-county';

function urgentAtTolga() {
	const w = new TransactionWriter();
	return [w.write('request.posted', 'tolga', { skills: ['cataloguing'], description: 'Hjelp med katalogen', days: 2, dates: [aWeek], urgency: 'urgent' })];
}

function withChoice(id: string, notify: NonNullable<PersonDoc['notify']>) {
	const directory = testDirectory();
	directory.people = directory.people.map((p) => (p._id === id ? { ...p, notify } : p));
	return directory;
}

describe('notice preferences', () => {
	it('sends everything at once to a person who chose nothing', () => {
		const context = contextOf(urgentAtTolga(), osloNoon('2026-02-27'));
		const notices = allNotices(context);
		expect(notices.length).toBeGreaterThan(0);
		expect(notices.map((n) => deliveryOf(n, context.directory))).toEqual(notices.map(() => 'now'));
	});

	it('follows the choice of the person a notice is for, and only for that kind', () => {
		const directory = withChoice('person:hanne', { 'urgent-request': 'never', 'proposal-to-answer': 'digest' });
		const context = contextOf(urgentAtTolga(), osloNoon('2026-02-27'), directory);
		const urgent = allNotices(context).filter((n) => n.kind === 'urgent-request');
		const byAddress = new Map(urgent.map((n) => [n.to.address, deliveryOf(n, context.directory)]));
		expect(byAddress.get('hanne@hamar.example')).toBe('never');
		expect(byAddress.get('hans@hamar.example')).toBe('now');
	});

	it('sends a digest choice for one kind to the digest, not another kind', () => {
		const directory = withChoice('person:hanne', { 'urgent-request': 'digest' });
		const context = contextOf(urgentAtTolga(), osloNoon('2026-02-27'), directory);
		const hanne = allNotices(context).find((n) => n.to.address === 'hanne@hamar.example')!;
		expect(deliveryOf(hanne, context.directory)).toBe('digest');
		expect(deliveryOf({ ...hanne, kind: 'collision' }, context.directory)).toBe('now');
	});

	it('ignores preferences for a library\'s shared address', () => {
		const directory = withChoice('person:ola', { 'urgent-request': 'never' });
		const context = contextOf(urgentAtTolga(), osloNoon('2026-02-27'), directory);
		const notice = allNotices(context).find((n) => n.to.person === 'person:ola')!;
		expect(deliveryOf(notice, context.directory)).toBe('never');
		expect(deliveryOf({ ...notice, to: { address: 'post@os.example', name: 'Os bibliotek', library: 'os' } }, context.directory)).toBe('now');
	});
});
