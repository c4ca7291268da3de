/**
 * A tiny benchmark runner: each benchmark reports figures; the runner prints them as a table,
 * or with `--json` as JSON lines ({"name","value","unit", and "against","ok" where a figure has
 * a peer or a budget}) so results can be tracked over time.
 */
export interface Figure {
	name: string;
	value: number;
	unit: string;
	/** The peer or limit this figure is judged against, measured in the same run where it has one. */
	against?: string;
	/** Whether the figure keeps within that limit. */
	ok?: boolean;
}

export interface Benchmark {
	name: string;
	run(): Promise<Figure[]>;
}

/** Median of `runs` timings of `work`, in milliseconds, after one warm-up. */
export async function medianMs(runs: number, work: () => unknown | Promise<unknown>): Promise<number> {
	await work();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await work();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}

export function round(value: number, digits = 2): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

export async function runAll(benchmarks: Benchmark[], json: boolean): Promise<void> {
	const rows: Figure[] = [];
	for (const benchmark of benchmarks) {
		if (!json) process.stderr.write(`running ${benchmark.name} ...\n`);
		for (const figure of await benchmark.run()) {
			rows.push(figure);
			if (json) console.log(JSON.stringify(figure));
		}
	}
	if (json) return;
	const width = Math.max(...rows.map((r) => r.name.length), 9);
	const against = Math.max(...rows.map((r) => r.against?.length ?? 0), 'against'.length);
	console.log(`\n| ${'benchmark'.padEnd(width)} | ${'value'.padStart(12)} | unit       | ${'against'.padEnd(against)} |    |`);
	console.log(`|${'-'.repeat(width + 2)}|${'-'.repeat(14)}|------------|${'-'.repeat(against + 2)}|----|`);
	for (const r of rows) {
		const verdict = r.ok === undefined ? '  ' : r.ok ? 'ok' : 'no';
		console.log(`| ${r.name.padEnd(width)} | ${String(r.value).padStart(12)} | ${r.unit.padEnd(10)} | ${(r.against ?? '').padEnd(against)} | ${verdict} |`);
	}
}
