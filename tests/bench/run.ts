/** `npm run bench` (table) and `npm run bench -- --json` (JSON lines). */
import { foldBenchmark } from './fold.bench';
import { runAll } from './runner';

await runAll([foldBenchmark], process.argv.includes('--json'));
