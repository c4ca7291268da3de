import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transactionTime } from '../../src/lib/domain/ids';
import { demoEnd } from './demo-epoch';
import { buildDemoCounty } from './seed';

const dirs: string[] = [];
const folder = () => {
	const dir = mkdtempSync(join(tmpdir(), 'byttebank-epoch-'));
	dirs.push(dir);
	return dir;
};
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the demo county’s date', () => {
	it('is the time of the first start, and the same on every later start', () => {
		const dir = folder();
		const first = demoEnd(dir, Date.parse('2027-04-10T09:30:12Z'));
		expect(first).toBe(Date.parse('2027-04-10T09:30:00Z'));
		expect(demoEnd(dir, Date.parse('2027-06-01T00:00:00Z'))).toBe(first);
		expect(buildDemoCounty('byttebank', 2026, demoEnd(dir))).toEqual(buildDemoCounty('byttebank', 2026, first));
	});

	it('starts afresh from a file that holds no date', () => {
		const dir = folder();
		writeFileSync(join(dir, 'demo-epoch.json'), '{"end":"soon"}');
		expect(demoEnd(dir, Date.parse('2027-01-01T12:00:00Z'))).toBe(Date.parse('2027-01-01T12:00:00Z'));
	});

	it('puts the urgent request on the day after and every transaction before the first start', () => {
		const end = Date.parse('2027-04-10T09:30:00Z');
		const plan = buildDemoCounty('byttebank', 2026, end);
		const transactions = plan.documents.filter((d) => d._id.startsWith('tx:')) as unknown as Array<{ _id: string; description?: string; dates?: Array<{ from: string }> }>;
		const urgent = transactions.find((t) => t.description?.startsWith('Sykefravær i morgen'))!;
		expect(urgent.dates![0]!.from).toBe('2027-04-11');
		const times = transactions.map((t) => transactionTime(t._id.slice('tx:'.length)));
		expect(Math.max(...times)).toBeLessThan(end);
	});
});
