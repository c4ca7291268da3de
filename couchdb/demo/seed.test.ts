import { describe, expect, it } from 'vitest';
import { fold } from '../../src/lib/domain/fold';
import { balanceOf, totalOfBalances } from '../../src/lib/domain/ledger';
import { validateDocument } from '../../src/lib/domain/validation';
import type { Transaction } from '../../src/lib/domain/transactions';
import { OFFER_TEXT, REQUEST_TEXT } from './descriptions';
import { buildDemoCounty, demoLibraries } from './seed';

describe('the demo county', () => {
	const plan = buildDemoCounty('byttebank');
	const transactions = plan.documents.filter((d) => d._id.startsWith('tx:')) as unknown as Transaction[];

	it('has the 22 Hedmark libraries, the county library, a login for each and one applicant waiting', () => {
		expect(demoLibraries()).toHaveLength(23);
		expect(plan.documents.filter((d) => d._id.startsWith('library:'))).toHaveLength(23);
		const members = plan.users.filter((u) => u.roles.length > 0);
		expect(members).toHaveLength(23);
		expect(plan.users.find((u) => u.name === 'fylket')?.roles).toContain('county');
		const waiting = plan.users.filter((u) => u.roles.length === 0);
		expect(waiting.map((u) => u.join?.library)).toEqual(['stange']);
		expect(plan.documents.some((d) => d._id === 'library:stange')).toBe(true);
	});

	it('contains only valid documents that the fold accepts', () => {
		for (const doc of plan.documents) {
			const result = validateDocument(doc);
			expect(result.ok ? [] : result.issues, doc._id).toEqual([]);
		}
		const state = fold(transactions);
		expect(state.rejected.size).toBe(0);
	});

	it('has a year of completed exchanges, so balances differ and still sum to zero', () => {
		const state = fold(transactions);
		const completed = [...state.exchanges.values()].filter((e) => e.status === 'completed');
		expect(completed.length).toBeGreaterThan(40);
		const balances = new Set(demoLibraries().map((l) => balanceOf(state, l.id)));
		expect(balances.size).toBeGreaterThan(4);
		expect(totalOfBalances(state)).toBe(0);
		expect([...state.offers.values()].filter((o) => o.status === 'open').length).toBeGreaterThan(8);
		expect([...state.requests.values()].filter((r) => r.status === 'open').length).toBeGreaterThan(3);
	});

	it('describes every offer and request by the task it is posted under', () => {
		const state = fold(transactions);
		for (const offer of state.offers.values()) expect(OFFER_TEXT[offer.skills[0]!], offer.description).toContain(offer.description);
		for (const request of state.requests.values()) expect(REQUEST_TEXT[request.skills[0]!], request.description).toContain(request.description);
	});

	it('has one collision for its host to resolve: two agreements for one urgent request', () => {
		const state = fold(transactions);
		const colliding = [...state.exchanges.values()].filter((e) => e.collisions.length > 0);
		expect(colliding).toHaveLength(2);
		expect(new Set(colliding.map((e) => e.host)).size).toBe(1);
		expect(new Set(colliding.map((e) => e.provider)).size).toBe(2);
		for (const e of colliding) expect(e).toMatchObject({ status: 'accepted', collisions: ['request-double'] });
		expect([...state.exchanges.values()].some((e) => e.status === 'proposed' && 'request' in e.source)).toBe(true);
	});

	it('is the same every time it is built', () => {
		expect(buildDemoCounty('byttebank')).toEqual(plan);
	});
});
