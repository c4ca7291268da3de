/**
 * The `_design/reports` document: days per library and month, and per month, summed by the
 * server with `_sum` so other tools can read the county's totals without the app:
 *
 *   GET /<db>/_design/reports/_view/days_by_library?group_level=1   → [given, received] per library
 *   GET /<db>/_design/reports/_view/days_by_library?group=true      → the same per library and month
 *   GET /<db>/_design/reports/_view/days_by_month?group=true        → days exchanged per month
 *
 * The map functions are plain ES5 files, read as text like validate.js.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = (file: string) => readFileSync(join(here, file), 'utf8').trimEnd();

export const reportsDesign = () => ({
	_id: '_design/reports',
	language: 'javascript',
	views: {
		days_by_library: { map: source('days-by-library.map.js'), reduce: '_sum' },
		days_by_month: { map: source('days-by-month.map.js'), reduce: '_sum' }
	}
});
