/** Folding the bank: full folds of generated histories and one incremental apply. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { addTransaction, compareTransactions, fold } from '../../src/lib/domain/fold';
import { generateHistory } from '../../src/lib/domain/test-history';
import { medianMs, round, type Benchmark } from './runner';

export const foldBenchmark: Benchmark = {
	name: 'fold',
	async run() {
		const figures = [];
		for (const size of [10_000, 100_000]) {
			const history = generateHistory(size, 42).sort(compareTransactions);
			const runs = size > 50_000 ? 5 : 11;
			const ms = await medianMs(runs, () => fold(history));
			figures.push({ name: `full fold, ${size / 1000}k transactions`, value: round(ms), unit: 'ms', ...(size === 100_000 ? { against: 'budget ≤ 100 ms', ok: ms <= 100 } : {}) });
			figures.push({ name: `full fold, ${size / 1000}k transactions, per tx`, value: round((ms * 1000) / size, 3), unit: 'µs' });
		}
		// One incremental add onto a 99k-transaction state: the median and p95 of the last 1000.
		const history = generateHistory(100_000, 42).sort(compareTransactions);
		const state = fold(history.slice(0, -1000));
		const times = history.slice(-1000).map((tx) => {
			const begin = performance.now();
			addTransaction(state, tx);
			return performance.now() - begin;
		});
		times.sort((a, b) => a - b);
		figures.push({ name: 'incremental add onto 99k, median', value: round(times[500]! * 1000, 1), unit: 'µs' });
		figures.push({ name: 'incremental add onto 99k, p95', value: round(times[950]! * 1000, 1), unit: 'µs' });
		const heldMiB = heldByState(100_000) / 1024 / 1024;
		figures.push({ name: 'heap held by the state of 100k (after GC)', value: round(heldMiB, 1), unit: 'MiB', against: 'budget ≤ 100 MiB', ok: heldMiB <= 100 });
		return figures;
	}
};

/**
 * What folding a county costs in memory, as a device holds it: the state alone, after a full
 * collection, with the history it was folded from let go (the fold keeps only what it needs
 * of each transaction). Measured from a collected baseline so earlier figures do not count.
 */
function heldByState(size: number): number {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	gc();
	const baseline = process.memoryUsage().heapUsed;
	const state = fold(generateHistory(size, 42));
	gc();
	const held = process.memoryUsage().heapUsed - baseline;
	if (state.count !== size) throw new Error(`folded ${state.count} of ${size}`);
	return held;
}
