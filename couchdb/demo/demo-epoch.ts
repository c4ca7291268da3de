/**
 * The demo county is dated from the day it was first loaded, so its "tomorrow" is tomorrow and
 * its open offers lie ahead, however long after a release it is installed. The date is kept in
 * the data folder: provisioning runs on every start and must find the same documents each time,
 * not a second history dated from the new start.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'demo-epoch.json';

/** The demo's "now" (ms): when this data folder first held it, to the minute. */
export function demoEnd(dataDir: string, now = Date.now()): number {
	const file = join(dataDir, FILE);
	if (existsSync(file)) {
		const end = (JSON.parse(readFileSync(file, 'utf8')) as { end?: unknown }).end;
		if (typeof end === 'number' && Number.isFinite(end)) return end;
	}
	const end = Math.floor(now / 60_000) * 60_000;
	mkdirSync(dataDir, { recursive: true });
	writeFileSync(file, JSON.stringify({ end, note: 'The demo county is dated from this time; delete the data folder to load it afresh.' }));
	return end;
}
