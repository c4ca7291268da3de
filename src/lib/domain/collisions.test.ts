import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { balanceOf } from './ledger';
import { preflight } from './preflight';
import { aWeek, county, idOf, TransactionWriter } from './test-transactions';

const noTravel = { km: 0, tolls: 0, meals: 0 };

/** Stange's tablet (offline) and Stange's desk each accept a different answer to one request. */
function doubleAgreement() {
	const w = new TransactionWriter();
	const request = w.write('request.posted', 'stange', { skills: ['front-desk'], description: 'Skranke', days: 1, dates: [aWeek], urgency: 'urgent' });
	const tolga = w.write('request.answered', 'tolga', { request: idOf(request), days: 1 });
	const hamar = w.write('request.answered', 'hamar', { request: idOf(request), days: 1 });
	const tablet = new TransactionWriter('stangetablet1').write('exchange.accepted', 'stange', { exchange: idOf(tolga) });
	const desk = new TransactionWriter('stangedesk001').write('exchange.accepted', 'stange', { exchange: idOf(hamar) });
	return { w, request, tolga, hamar, tablet, desk, all: [request, tolga, hamar, tablet, desk] };
}

describe('two agreements for one request', () => {
	it('both stand and both are marked, whichever acceptance carries the earlier stamp', () => {
		const { tolga, hamar, all } = doubleAgreement();
		for (const order of [all, [...all].reverse()]) {
			const state = fold(order);
			expect(state.exchanges.get(idOf(tolga))).toMatchObject({ status: 'accepted', collisions: ['request-double'] });
			expect(state.exchanges.get(idOf(hamar))).toMatchObject({ status: 'accepted', collisions: ['request-double'] });
			expect(state.rejected.size).toBe(0);
		}
	});

	it('are resolved by the host keeping one and releasing the other, with a reason', () => {
		const { w, tolga, hamar, all } = doubleAgreement();
		const release = w.write('exchange.released', 'stange', { exchange: idOf(tolga), kept: idOf(hamar), reason: 'Hamar var allerede på vei' });
		const state = fold([...all, release]);
		expect(state.exchanges.get(idOf(tolga))).toMatchObject({ status: 'released', collisions: [], ending: { kind: 'released', by: 'stange', kept: idOf(hamar), reason: 'Hamar var allerede på vei' } });
		expect(state.exchanges.get(idOf(hamar))).toMatchObject({ status: 'accepted', collisions: [] });
	});

	it('are resolved by confirming both, when both came', () => {
		const { w, tolga, hamar, all } = doubleAgreement();
		const c1 = w.write('exchange.completed', 'stange', { exchange: idOf(tolga), provider: 'tolga', days: 1, travel: noTravel });
		const c2 = w.write('exchange.completed', 'stange', { exchange: idOf(hamar), provider: 'hamar', days: 1, travel: noTravel });
		const one = fold([...all, c1]);
		expect(one.exchanges.get(idOf(hamar))?.collisions).toEqual(['request-double']);
		const both = fold([...all, c1, c2]);
		expect(both.exchanges.get(idOf(hamar))?.collisions).toEqual([]);
		expect(balanceOf(both, 'stange')).toBe(-2);
	});
});

describe('agreements that together pass the host\'s limit', () => {
	it('all stand and all are marked over-limit until the host releases one', () => {
		const w = new TransactionWriter();
		const policy = w.write('policy.set', county, { creditLimit: 1, travelRatePerKm: 4, mealAllowance: 200 });
		const r1 = w.write('request.posted', 'stange', { skills: ['weeding'], description: 'a', days: 1, dates: [], urgency: 'planned' });
		const r2 = w.write('request.posted', 'stange', { skills: ['weeding'], description: 'b', days: 1, dates: [], urgency: 'planned' });
		const a1 = w.write('request.answered', 'hamar', { request: idOf(r1), days: 1 });
		const a2 = w.write('request.answered', 'tolga', { request: idOf(r2), days: 1 });
		const k1 = new TransactionWriter('stangetablet1').write('exchange.accepted', 'stange', { exchange: idOf(a1) });
		const k2 = new TransactionWriter('stangedesk001').write('exchange.accepted', 'stange', { exchange: idOf(a2) });
		const state = fold([policy, r1, r2, a1, a2, k1, k2]);
		expect(state.exchanges.get(idOf(a1))?.collisions).toEqual(['over-limit']);
		expect(state.exchanges.get(idOf(a2))?.collisions).toEqual(['over-limit']);
		const release = w.write('exchange.released', 'stange', { exchange: idOf(a2), reason: 'Over grensa' });
		const resolved = fold([policy, r1, r2, a1, a2, k1, k2, release]);
		expect(resolved.exchanges.get(idOf(a1))?.collisions).toEqual([]);
	});

	it('are measured again when the county changes the limit', () => {
		const w = new TransactionWriter();
		const r = w.write('request.posted', 'stange', { skills: ['weeding'], description: 'a', days: 3, dates: [], urgency: 'planned' });
		const a = w.write('request.answered', 'hamar', { request: idOf(r), days: 3 });
		const k = w.write('exchange.accepted', 'stange', { exchange: idOf(a) });
		expect(fold([r, a, k]).exchanges.get(idOf(a))?.collisions).toEqual([]);
		const stricter = w.write('policy.set', county, { creditLimit: 2, travelRatePerKm: 4, mealAllowance: 200 });
		expect(fold([r, a, k, stricter]).exchanges.get(idOf(a))?.collisions).toEqual(['over-limit']);
	});
});

describe('an offer promised twice', () => {
	it('marks the open agreements for the provider to resolve', () => {
		const w = new TransactionWriter();
		const offer = w.write('offer.posted', 'eidskog', { skills: ['cataloguing'], description: 'Katalog', days: 2, dates: [] });
		const p1 = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 2, dates: aWeek });
		const p2 = w.write('exchange.proposed', 'hamar', { offer: idOf(offer), days: 1, dates: aWeek });
		const k1 = new TransactionWriter('eidskoglaptop').write('exchange.accepted', 'eidskog', { exchange: idOf(p1) });
		const k2 = new TransactionWriter('eidskogdesk01').write('exchange.accepted', 'eidskog', { exchange: idOf(p2) });
		const state = fold([offer, p1, p2, k1, k2]);
		expect(state.offers.get(idOf(offer))).toMatchObject({ daysTaken: 3, status: 'taken' });
		expect(state.exchanges.get(idOf(p1))?.collisions).toEqual(['offer-overbooked']);
		expect(state.exchanges.get(idOf(p2))?.collisions).toEqual(['offer-overbooked']);
		expect(preflight(state, { library: 'eidskog' }, { kind: 'exchange.released', exchange: idOf(p2), reason: 'x' })).toBeUndefined();
		expect(preflight(state, { library: 'hamar' }, { kind: 'exchange.released', exchange: idOf(p2), reason: 'x' })?.code).toBe('no-collision');
	});
});

describe('a visit confirmed twice', () => {
	it('counts both confirmations, marked for the county, which reverses one', () => {
		const w = new TransactionWriter();
		const offer = w.write('offer.posted', 'eidskog', { skills: ['cataloguing'], description: 'Katalog', days: 1, dates: [] });
		const p = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: aWeek });
		const k = w.write('exchange.accepted', 'eidskog', { exchange: idOf(p) });
		const tablet = new TransactionWriter('tolgatablet01').write('exchange.completed', 'tolga', { exchange: idOf(p), provider: 'eidskog', days: 1, travel: noTravel });
		const phone = new TransactionWriter('tolgaphone001').write('exchange.completed', 'tolga', { exchange: idOf(p), provider: 'eidskog', days: 1, travel: noTravel });
		const twice = fold([offer, p, k, tablet, phone]);
		expect(twice.exchanges.get(idOf(p))?.collisions).toEqual(['confirmed-twice']);
		expect(balanceOf(twice, 'eidskog')).toBe(2);
		const reversal = w.write('exchange.reversed', county, { exchange: idOf(p), completion: idOf(phone), provider: 'eidskog', host: 'tolga', days: 1, reason: 'Bekreftet to ganger' });
		const once = fold([offer, p, k, tablet, phone, reversal]);
		expect(once.exchanges.get(idOf(p))).toMatchObject({ status: 'completed', collisions: [] });
		expect(balanceOf(once, 'eidskog')).toBe(1);
	});
});

describe('what a party is shown next to a colliding agreement', () => {
	it('is the other agreements of the same request, and not unrelated ones', async () => {
		const { collidingWith } = await import('./collisions');
		const { tolga, hamar, all, w } = doubleAgreement();
		const unrelated = w.write('request.posted', 'stange', { skills: ['weeding'], description: 'Annet', days: 1, dates: [], urgency: 'planned' });
		const state = fold([...all, unrelated]);
		const exchanges = [...state.exchanges.values()];
		expect(collidingWith(state.exchanges.get(idOf(tolga))!, exchanges).map((e) => e.id)).toEqual([idOf(hamar)]);
	});
});
