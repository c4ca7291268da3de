import { describe, expect, it } from 'vitest';
import type { PersonDoc } from '../directory';
import { idOf, TransactionWriter } from '../test-transactions';
import type { Transaction } from '../transactions';
import { contextOf, osloNoon, testDirectory } from './test-county';
import { digestHasNews, mondayOf, weeklyDigestNotices } from './weekly-digest';

// The writer's clock starts on Monday 5 January 2026: what it posts is news in the digest of Monday the 12th.
const later = { from: '2026-02-02', to: '2026-02-06' };

function week() {
	const w = new TransactionWriter();
	const request = w.write('request.posted', 'tolga', { skills: ['cataloguing'], description: 'Katalogisering av lokalsamlingen', days: 2, dates: [later], urgency: 'planned' });
	const events = w.write('request.posted', 'tolga', { skills: ['events'], description: 'Forfatterbesøk i skolen', days: 1, dates: [later], urgency: 'planned' });
	const offer = w.write('offer.posted', 'os', { skills: ['cataloguing'], description: 'Ola katalogiserer', days: 3, dates: [] });
	return { w, request, events, offer, all: [request, events, offer] as Transaction[] };
}

const digestTo = (all: Transaction[], day: string, address: string, directory = testDirectory()) => weeklyDigestNotices(contextOf(all, osloNoon(day), directory)).find((n) => n.to.address === address);

describe('the weekly digest', () => {
	it('finds the Monday of any day, across a month and a year', () => {
		expect(mondayOf('2026-01-12')).toBe('2026-01-12');
		expect(mondayOf('2026-01-18')).toBe('2026-01-12');
		expect(mondayOf('2026-03-01')).toBe('2026-02-23');
		expect(mondayOf('2027-01-01')).toBe('2026-12-28');
	});

	it('tells a library the last week’s requests its people can help with, and not those they cannot', () => {
		const { all } = week();
		const hege = digestTo(all, '2026-01-12', 'hege@hamar.example')!;
		expect(hege.digest!.requests.map((r) => r.description).sort()).toEqual(['Forfatterbesøk i skolen', 'Katalogisering av lokalsamlingen']);
		// Siri at Stange catalogues but does not run events.
		const siri = digestTo(all, '2026-01-12', 'siri@stange.example')!;
		expect(siri.digest!.requests.map((r) => r.description)).toEqual(['Katalogisering av lokalsamlingen']);
		expect(siri.digest!.requests[0]).toMatchObject({ library: 'Tolga bibliotek', days: 2 });
		expect(siri.digest!.requests[0]!.link).toMatch(/^\/requests\//);
	});

	it('lists new offers from other libraries, never a library’s own posts', () => {
		const { all } = week();
		expect(digestTo(all, '2026-01-12', 'tove@tolga.example')!.digest!.offers.map((o) => o.description)).toEqual(['Ola katalogiserer']);
		const os = digestTo(all, '2026-01-12', 'post@os.example')!.digest!;
		expect(os.offers).toEqual([]);
		expect(os.requests.map((r) => r.description)).toEqual(['Katalogisering av lokalsamlingen']);
	});

	it('counts only the seven days before its Monday: a week later the same posts are old', () => {
		const { all } = week();
		expect(digestTo(all, '2026-01-09', 'siri@stange.example')!.digest!.requests).toEqual([]);
		expect(digestTo(all, '2026-01-19', 'siri@stange.example')!.digest!.requests).toEqual([]);
		expect(digestHasNews(digestTo(all, '2026-01-19', 'siri@stange.example')!.digest!)).toBe(false);
	});

	it('counts what waits for the library and shows what it owes', () => {
		const { w, all, offer } = week();
		const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: later });
		const os = digestTo([...all, proposal], '2026-01-12', 'post@os.example')!.digest!;
		expect(os).toMatchObject({ toAnswer: 1, toConfirm: 0, reports: 0, collisions: 0, balance: 0 });
		const accepted = w.write('exchange.accepted', 'os', { exchange: idOf(proposal) });
		const completed = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'os', days: 1, travel: { km: 30, tolls: 0, meals: 0 } });
		const tolga = digestTo([...all, proposal, accepted, completed], '2026-01-19', 'tove@tolga.example')!.digest!;
		expect(tolga).toMatchObject({ toAnswer: 0, reports: 1, balance: -1 });
		expect(digestHasNews(tolga)).toBe(true);
	});

	it('has one key per library, address and week, the same all week', () => {
		const { all } = week();
		const key = (day: string) => digestTo(all, day, 'siri@stange.example')!.key;
		expect(key('2026-01-12')).toBe(key('2026-01-18'));
		expect(key('2026-01-19')).not.toBe(key('2026-01-18'));
	});

	it('goes to a person who gathers notices there even when the library has a shared address', () => {
		const { all } = week();
		const directory = testDirectory();
		expect(digestTo(all, '2026-01-12', 'ola@os.example', directory)).toBeUndefined();
		directory.people = directory.people.map((p): PersonDoc => (p._id === 'person:ola' ? { ...p, notify: { 'proposal-to-answer': 'digest' }, locale: 'nn' } : p));
		const ola = digestTo(all, '2026-01-12', 'ola@os.example', directory)!;
		expect(ola.to).toMatchObject({ person: 'person:ola', locale: 'nn' });
		expect(digestTo(all, '2026-01-12', 'post@os.example', directory)).toBeDefined();
	});

	it('leaves out inactive libraries and the county’s own library', () => {
		const { all } = week();
		const directory = testDirectory();
		directory.libraries.set('stange', { ...directory.libraries.get('stange')!, active: false });
		directory.libraries.set('hamar', { ...directory.libraries.get('hamar')!, county: true });
		const libraries = new Set(weeklyDigestNotices(contextOf(all, osloNoon('2026-01-12'), directory)).map((n) => n.to.library));
		expect([...libraries].sort()).toEqual(['bergen', 'os', 'tolga']);
	});
});
