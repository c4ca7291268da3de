/**
 * `npm run bench` (table) and `npm run bench -- --json` (JSON lines). `-- --only fold` runs
 * one benchmark. The sync, warm-start and page-heap benchmarks need the built app and Chromium
 * (as `npm test` does); `-- --scale` adds the 100k-county first sync, the warm start on
 * generated 20k and 100k-transaction counties, and the page heap on 100k.
 */
import { foldBenchmark } from './fold.bench';
import { pageHeapBenchmark } from './page-heap.bench';
import { runAll } from './runner';
import { syncBenchmark } from './sync.bench';
import { warmStartBenchmark } from './warm-start.bench';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const all = [foldBenchmark, syncBenchmark, warmStartBenchmark, pageHeapBenchmark].filter((b) => !only || b.name === only);
await runAll(all, process.argv.includes('--json'));
