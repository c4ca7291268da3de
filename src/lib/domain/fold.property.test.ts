import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTransaction, fold } from './fold';
import { totalOfBalances } from './ledger';
import { createState } from './state';
import { generateHistory } from './test-history';
import { snapshot } from './test-snapshot';

const history = fc.record({ seed: fc.nat(), size: fc.integer({ min: 1, max: 300 }) });

const shuffledOf = <T>(items: T[], seed: number): T[] =>
	fc.sample(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), { seed, numRuns: 1 })[0]!;

describe('the fold (properties)', () => {
	it('gives the same state for any permutation of the same transactions', () => {
		fc.assert(
			fc.property(history, fc.nat(), ({ seed, size }, shuffleSeed) => {
				const txs = generateHistory(size, seed);
				expect(snapshot(fold(shuffledOf(txs, shuffleSeed)))).toEqual(snapshot(fold(txs)));
			}),
			{ numRuns: 60 }
		);
	});

	it('gives the same state adding transactions one by one, in any order, as folding them all at once', () => {
		fc.assert(
			fc.property(history, fc.nat(), ({ seed, size }, shuffleSeed) => {
				const txs = generateHistory(size, seed);
				const incremental = createState();
				for (const tx of shuffledOf(txs, shuffleSeed)) addTransaction(incremental, tx);
				expect(snapshot(incremental)).toEqual(snapshot(fold(txs)));
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

	it('generates histories in which every kind of outcome happens', () => {
		const state = fold(generateHistory(3000, 7));
		const codes = new Set([...state.rejected.values()].map((r) => r.code));
		const statuses = new Set([...state.exchanges.values()].map((e) => e.status));
		expect(statuses).toEqual(new Set(['proposed', 'accepted', 'declined', 'withdrawn', 'cancelled', 'released', 'completed', 'reversed']));
		for (const code of ['not-counterparty', 'only-host-completes', 'more-than-agreed', 'exchange-accepted', 'not-owner']) expect(codes).toContain(code);
		expect(state.entries.size).toBeGreaterThan(100);
	});
});
