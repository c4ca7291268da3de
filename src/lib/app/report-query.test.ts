import { describe, expect, it } from 'vitest';
import { projectedHistory } from '$lib/store/test-projector';
import { reportFeed } from './report-query';

describe('the visit reports page', () => {
	it('gives every report of every completed exchange, newest first, each with its exchange', async () => {
		const { view } = await projectedHistory('report-feed', 1500, 8);
		const completed = (await view.exchanges.toArray()).filter((e) => e.status === 'completed');
		const reports = completed.flatMap((e) => e.reports);
		expect(reports.length).toBeGreaterThan(1);
		const { feed } = await reportFeed(view);
		expect(feed.map((f) => f.report.tx).sort()).toEqual(reports.map((r) => r.tx).sort());
		expect(feed.map((f) => f.report.tx)).toEqual(feed.map((f) => f.report.tx).sort().reverse());
		for (const { exchange, report } of feed) expect(exchange.reports).toContainEqual(report);
	});
});
