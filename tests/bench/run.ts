/**
 * `npm run bench` (table) and `npm run bench -- --json` (JSON lines). `-- --only fold` runs
 * one benchmark; `-- --scale` adds the 100k-county first sync. The sync benchmarks need the
 * built app and Chromium (as `npm test` does).
 */
import { foldBenchmark } from './fold.bench';
import { pageHeapBenchmark } from './page-heap.bench';
import { runAll } from './runner';
import { syncBenchmark } from './sync.bench';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const all = [foldBenchmark, syncBenchmark, pageHeapBenchmark].filter((b) => !only || b.name === only);
await runAll(all, process.argv.includes('--json'));
