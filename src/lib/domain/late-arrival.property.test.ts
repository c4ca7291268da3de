/**
 * Issue 10's promises, as properties: a county of devices (several per library, some offline
 * for long stretches, some with clocks a year off) acts as honest librarians would, and every
 * replica receives the others' transactions late and in a random order. After every single
 * delivery, on every replica:
 * - confirmed work is final: no credit it showed is removed or changed (only the county's
 *   reversal undoes one);
 * - agreements are not overturned: an agreement it showed is still agreed, confirmed, or ended
 *   by one of its own parties, and its acceptance is never refused;
 * - collisions are visible: exactly the agreements that collide carry the collision's code;
 * - it is still deterministic: the state built in arrival order equals the fold of the sorted
 *   set; balances sum to zero and match the confirmations;
 * - no balance is below the credit limit unless that library's own devices acted without seeing
 *   each other's work (and then the fold marked the collision).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTransactions, fold } from './fold';
import { balanceOf, totalOfBalances } from './ledger';
import type { BankState, CollisionCode } from './state';
import { Network, ONE_YEAR, summarize, type Before, type DeviceSpec, type SimDevice, type Step } from './test-network';
import { snapshot } from './test-snapshot';
import type { Transaction } from './transactions';

// LATE_ARRIVAL_RUNS=1000 for a deeper search than the routine run.
const RUNS = Number(process.env.LATE_ARRIVAL_RUNS ?? 60);

const deviceSpec: fc.Arbitrary<DeviceSpec> = fc.record({
	// Few libraries, several devices each: collisions happen between one library's devices.
	library: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 3) }),
	clockError: fc.oneof(
		{ weight: 3, arbitrary: fc.constant(0) },
		{ weight: 2, arbitrary: fc.integer({ min: -120_000, max: 120_000 }) },
		{ weight: 1, arbitrary: fc.integer({ min: -ONE_YEAR, max: ONE_YEAR }) }
	),
	online: fc.boolean()
});

// Unbiased: fast-check otherwise favours 0 and the edges, and one device would do everything.
const any = fc.noBias(fc.nat({ max: 1_000_000 }));
const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ op: fc.constant('act' as const), device: any, roll: any.map((n) => (n % 1000) / 1000), pick: any }) },
	{ weight: 3, arbitrary: fc.record({ op: fc.constant('sync' as const), device: any, order: any }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('toggle' as const), device: any }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 60 * 24 * 3 }) }) }
);

const county = fc.record({
	devices: fc.array(deviceSpec, { minLength: 4, maxLength: 8 }),
	steps: fc.array(step, { minLength: 150, maxLength: 300 })
});

/** What should collide, computed from statuses and confirmations alone, not by the fold. */
function expectedCollisions(state: BankState): Map<string, CollisionCode[]> {
	const agreed = [...state.exchanges.values()].filter((e) => e.status === 'accepted' || e.status === 'completed');
	const out = new Map<string, CollisionCode[]>();
	for (const e of state.exchanges.values()) {
		const codes: CollisionCode[] = [];
		if (e.status === 'accepted') {
			const source = 'offer' in e.source ? e.source.offer : e.source.request;
			const siblings = agreed.filter((o) => ('offer' in o.source ? o.source.offer : o.source.request) === source);
			if ('request' in e.source && siblings.length > 1) codes.push('request-double');
			const offer = 'offer' in e.source ? state.offers.get(e.source.offer) : undefined;
			if (offer && siblings.reduce((sum, o) => sum + o.days, 0) > offer.days) codes.push('offer-overbooked');
			const open = agreed.filter((o) => o.host === e.host && o.status === 'accepted').reduce((sum, o) => sum + o.days, 0);
			if (open > balanceOf(state, e.host) + state.policy.creditLimit) codes.push('over-limit');
		}
		if (e.completions.filter((c) => !c.reversedBy).length > 1) codes.push('confirmed-twice');
		out.set(e.id, codes.sort());
	}
	return out;
}

/** Balances recomputed from the confirmations and reversals themselves. */
function balancesFromConfirmations(state: BankState): Map<string, number> {
	const balances = new Map<string, number>();
	const add = (library: string, days: number) => balances.set(library, (balances.get(library) ?? 0) + days);
	for (const e of state.exchanges.values()) {
		for (const c of e.completions) {
			if (c.reversedBy) continue;
			add(e.provider, c.days);
			add(e.host, -c.days);
		}
	}
	return balances;
}

function checkDelivery(network: Network, device: SimDevice, before: Before, counters: Record<string, number>): void {
	const state = device.state;
	// Confirmed work is final.
	for (const [completion, credit] of before.credits) {
		const exchange = state.exchanges.get(credit.exchange)!;
		const now = exchange.completions.find((c) => c.tx === completion);
		expect(now, 'a credit disappeared').toBeDefined();
		expect(now!.days).toBe(credit.days);
		if (now!.reversedBy) {
			expect(state.rejected.has(now!.reversedBy)).toBe(false);
			counters.reversedByCounty = (counters.reversedByCounty ?? 0) + 1;
		}
		expect([exchange.provider, exchange.host]).toEqual([credit.provider, credit.host]);
	}
	// Agreements are not overturned.
	for (const [id, status] of before.agreed) {
		const exchange = state.exchanges.get(id)!;
		const allowed = status === 'completed' ? ['completed', 'reversed'] : ['accepted', 'completed', 'reversed', 'cancelled', 'released'];
		expect(allowed, `an agreement became ${exchange.status}`).toContain(exchange.status);
		if (exchange.ending) expect([exchange.host, exchange.provider]).toContain(exchange.ending.by);
		expect(state.rejected.has(exchange.agreedBy!)).toBe(false);
	}
	// Collisions are visible to both parties of every agreement involved.
	const expected = expectedCollisions(state);
	for (const e of state.exchanges.values()) {
		expect(e.collisions, `collisions of ${e.id}`).toEqual(expected.get(e.id));
		for (const code of e.collisions) counters[code] = (counters[code] ?? 0) + 1;
	}
	counters.credits = (counters.credits ?? 0) + before.credits.size;
	// Still deterministic, and the ledger adds up.
	const sorted = [...device.known.values()].sort(compareTransactions);
	expect(snapshot(state)).toEqual(snapshot(fold(sorted)));
	expect(totalOfBalances(state)).toBe(0);
	const fromConfirmations = balancesFromConfirmations(state);
	for (const [library, balance] of state.balances) expect(balance).toBe(fromConfirmations.get(library) ?? 0);
	// Below the limit only through a library's own unseen concurrent work.
	for (const [library, balance] of state.balances) {
		if (balance < -state.policy.creditLimit) {
			expect(network.partitioned.has(library), `${library} below the limit without a partition`).toBe(true);
			counters.belowLimitByPartition = (counters.belowLimitByPartition ?? 0) + 1;
		}
	}
	counters.deliveries = (counters.deliveries ?? 0) + 1;
}

describe('late arrivals, wrong clocks and partitions (properties)', () => {
	it(`keep every promise of the ledger after every single delivery (${RUNS} counties)`, () => {
		const counters: Record<string, number> = {};
		fc.assert(
			fc.property(county, ({ devices, steps }) => {
				const network = new Network(devices);
				const deliver = (device: SimDevice, _tx: Transaction, before: Before) => checkDelivery(network, device, before, counters);
				for (const s of steps) network.run(s, deliver);
				// Everyone comes back online and syncs: replicas that hold the same set agree.
				for (const d of network.devices) d.online = true;
				for (let round = 0; round < 2; round++) for (const d of network.devices) network.sync(d, round, deliver);
				const settled = network.devices.filter((d) => d.outbox.length === 0);
				for (const d of settled) expect(snapshot(d.state)).toEqual(snapshot(settled[0]!.state));
				counters.writes = (counters.writes ?? 0) + network.writes;
				counters.refusedByServer = (counters.refusedByServer ?? 0) + network.refusedByServer;
				void summarize;
			}),
			// A fixed seed keeps the routine run reproducible (seed 5 reaches every collision kind);
			// FC_SEED and LATE_ARRIVAL_RUNS explore further.
			{ numRuns: RUNS, seed: Number(process.env.FC_SEED ?? 5) }
		);
		console.log('late-arrival properties:', JSON.stringify(counters));
		// The runs must exercise what they claim to.
		expect(counters.deliveries).toBeGreaterThan(RUNS * 20);
		for (const code of ['request-double', 'over-limit', 'offer-overbooked', 'confirmed-twice']) expect(counters[code], code).toBeGreaterThan(0);
		expect(counters.belowLimitByPartition).toBeGreaterThan(0);
		expect(counters.credits).toBeGreaterThan(RUNS * 20);
		expect(counters.refusedByServer).toBeGreaterThan(0);
	});
});
