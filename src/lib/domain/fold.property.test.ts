import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyNewer, compareTransactions, fold } from './fold';
import { availableOf, totalOfBalances } from './ledger';
import { createState } from './state';
import { generateHistory } from './test-history';
import { makeTransaction, txIdOf, type Transaction } from './transactions';
import { formatTransactionId } from './ids';
import { snapshot } from './test-snapshot';


const history = fc.record({ seed: fc.nat(), size: fc.integer({ min: 1, max: 300 }) });

describe('the fold (properties)', () => {
	it('gives the same state for any permutation of the same transactions', () => {
		fc.assert(
			fc.property(history, fc.nat(), ({ seed, size }, shuffleSeed) => {
				const txs = generateHistory(size, seed);
				const shuffled = fc.sample(fc.shuffledSubarray(txs, { minLength: txs.length, maxLength: txs.length }), { seed: shuffleSeed, numRuns: 1 })[0]!;
				expect(snapshot(fold(shuffled))).toEqual(snapshot(fold(txs)));
			}),
			{ numRuns: 60 }
		);
	});

	it('keeps the sum of all balances at zero', () => {
		fc.assert(
			fc.property(history, ({ seed, size }) => {
				expect(totalOfBalances(fold(generateHistory(size, seed)))).toBe(0);
			}),
			{ numRuns: 100 }
		);
	});

	it('never lets an accepted exchange take a host below the credit limit in force', () => {
		fc.assert(
			fc.property(history, ({ seed, size }) => {
				const state = createState();
				let agreements = 0;
				for (const tx of generateHistory(size, seed).sort(compareTransactions)) {
					const ok = applyNewer(state, tx);
					if (!ok || (tx.kind !== 'exchange.accepted' && tx.kind !== 'request.accepted')) continue;
					const exchange = state.exchanges.get(tx.kind === 'exchange.accepted' ? tx.exchange : txIdOf(tx))!;
					expect(exchange.status).toBe('accepted');
					expect(availableOf(state, exchange.host)).toBeGreaterThanOrEqual(0);
					agreements++;
				}
				return agreements >= 0;
			}),
			{ numRuns: 100 }
		);
	});

	it('lets the earlier of two racing acceptances win, whatever order they arrive in', () => {
		fc.assert(
			fc.property(
				fc.tuple(fc.nat(1_000_000), fc.nat(1_000_000)).filter(([a, b]) => a !== b),
				fc.boolean(),
				([msA, msB], reverse) => {
					const base = Date.UTC(2026, 2, 1);
					const request = makeTransaction(formatTransactionId({ ms: base, counter: 0 }, 'tolgadevice'), {
						kind: 'request.posted', by: { library: 'tolga' }, skills: ['front-desk'], description: 'Skranke', days: 1, dates: [], urgency: 'urgent'
					}) as Transaction;
					const accept = (library: string, ms: number) =>
						makeTransaction(formatTransactionId({ ms: base + 1 + ms, counter: 0 }, `${library}dev`), {
							kind: 'request.accepted', by: { library }, request: txIdOf(request)
						}) as Transaction;
					const hamar = accept('hamar', msA);
					const elverum = accept('elverum', msB);
					const [winner, loser] = msA < msB ? [hamar, elverum] : [elverum, hamar];
					const arrivals = reverse ? [loser, winner, request] : [request, winner, loser];
					const state = fold(arrivals);
					expect(state.requests.get(txIdOf(request))?.filledBy).toBe(txIdOf(winner));
					expect(state.rejected.get(txIdOf(loser))).toMatchObject({ code: 'request-taken', params: { library: winner.by.library } });
				}
			)
		);
	});

	it('gives the same state applying transactions one by one as folding them all', () => {
		fc.assert(
			fc.property(history, ({ seed, size }) => {
				const txs = generateHistory(size, seed).sort(compareTransactions);
				const full = fold(txs);
				const incremental = fold(txs.slice(0, -1));
				applyNewer(incremental, txs[txs.length - 1]!);
				expect(snapshot(incremental)).toEqual(snapshot(full));
			}),
			{ numRuns: 100 }
		);
	});

	it('generates histories in which every kind of outcome happens', () => {
		const state = fold(generateHistory(3000, 7));
		const codes = new Set([...state.rejected.values()].map((r) => r.code));
		const statuses = new Set([...state.exchanges.values()].map((e) => e.status));
		expect(statuses).toEqual(new Set(['proposed', 'accepted', 'declined', 'cancelled', 'completed', 'reversed']));
		expect(codes).toContain('request-taken');
		expect(codes).toContain('over-limit');
		expect(state.entries.length).toBeGreaterThan(100);
	});
});
