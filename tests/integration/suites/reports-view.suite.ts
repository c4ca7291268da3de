/**
 * The server's `_design/reports` views (`_sum` of days per library and month, and per month)
 * give the same totals as the app's fold, on the demo county and after a reversal.
 */
import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsDesign } from '../../../couchdb/design/reports-source';
import { buildDemoCounty, DEMO_COUNTY_USER, DEMO_PASSWORD } from '../../../couchdb/demo/seed';
import { countyReport, type CountyReport } from '../../../src/lib/domain/county-report';
import { reversalOf } from '../../../src/lib/domain/exchange-records';
import { fold } from '../../../src/lib/domain/fold';
import { StampSource } from '../../../src/lib/domain/ids';
import { isTransactionDocId, makeTransaction, type Transaction } from '../../../src/lib/domain/transactions';
import { login, request, type ServerKind, type TestServer } from '../embedded-server';
import { eventually } from './eventually';

export function reportsViewSuite(kind: ServerKind): void {
	const DB = 'byttebank';
	type Row = { key: unknown; value: unknown };

	describe('the totals map functions', () => {
		it.each(Object.entries(reportsDesign().views))('%s parses as ECMAScript 5, as CouchDB evaluates it', (_name, view) => {
			expect(() => parse('(' + view.map + ')', { ecmaVersion: 5 })).not.toThrow();
			expect(view.reduce).toBe('_sum');
		});
	});

	describe('the server totals views', () => {
		let server: TestServer;
		let cookie: string;
		beforeAll(async () => {
			server = await kind.start(buildDemoCounty(DB));
			cookie = await login(server.dbUrl, DEMO_COUNTY_USER, DEMO_PASSWORD);
		}, 60_000);
		afterAll(async () => {
			await server?.stop();
		});

		async function rows(view: string, query: string): Promise<Row[]> {
			const response = await request(server.dbUrl, 'GET', `/${DB}/_design/reports/_view/${view}?${query}`, { cookie });
			expect(response.status).toBe(200);
			return response.body.rows as Row[];
		}

		async function foldedReport(): Promise<CountyReport> {
			const all = await request(server.dbUrl, 'GET', `/${DB}/_all_docs?include_docs=true`, { cookie });
			const docs = (all.body.rows as Array<{ id: string; doc: Transaction }>).filter((r) => isTransactionDocId(r.id)).map((r) => r.doc);
			const state = fold(docs);
			const libraries = [...new Set([...state.exchanges.values()].flatMap((e) => [e.provider, e.host]))];
			return countyReport({ exchanges: [...state.exchanges.values()], balances: state.balances, libraries, policy: state.policy, today: '2026-11-25' });
		}

		async function expectViewsToMatchFold(): Promise<CountyReport> {
			const report = await foldedReport();
			const fromView = new Map((await rows('days_by_library', 'group_level=1')).map((r) => [(r.key as [string])[0], r.value as number[]]));
			const fromFold = new Map(report.perLibrary.map((l) => [l.library, [l.given, l.received]]));
			for (const library of new Set([...fromView.keys(), ...fromFold.keys()])) {
				expect(fromView.get(library) ?? [0, 0], library).toEqual(fromFold.get(library) ?? [0, 0]);
			}
			expect(fromView.size).toBeGreaterThan(15);
			const perMonth = (await rows('days_by_month', 'group=true')).map((r) => ({ month: r.key, days: r.value }));
			expect(perMonth.filter((m) => m.days !== 0)).toEqual(report.perMonth);
			const perLibraryMonth = await rows('days_by_library', 'group=true');
			const given = perLibraryMonth.reduce((sum, r) => sum + (r.value as [number, number])[0], 0);
			expect(given).toBe(report.daysExchanged);
			return report;
		}

		it('sum the demo county\'s days per library and per month exactly as the fold does', async () => {
			const report = await eventually(expectViewsToMatchFold);
			expect(report.daysExchanged).toBeGreaterThan(50);
			expect(report.perMonth.length).toBeGreaterThan(6);
		});

		it('take a reversed exchange back out of the month it was completed in', async () => {
			const all = await request(server.dbUrl, 'GET', `/${DB}/_all_docs?include_docs=true`, { cookie });
			const state = fold((all.body.rows as Array<{ id: string; doc: Transaction }>).filter((r) => isTransactionDocId(r.id)).map((r) => r.doc));
			const completed = [...state.exchanges.values()].find((e) => e.status === 'completed')!;
			const before = await foldedReport();
			const ids = new StampSource('reportsviewtest');
			const reversal = makeTransaction(ids.next(), { by: { library: 'fylkesbiblioteket', role: 'county' as const }, ...reversalOf(completed, 'Registrert på feil bibliotek')! });
			const put = await request(server.dbUrl, 'PUT', `/${DB}/${reversal._id}`, { cookie, body: reversal });
			expect(put.status).toBe(201);
			const after = await eventually(expectViewsToMatchFold);
			expect(after.daysExchanged).toBe(before.daysExchanged - completed.daysWorked!);
		});
	});
}
