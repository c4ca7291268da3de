/** Everything the county pages read, in one live query, and the CSV files made from it. */
import { countyReport, type CountyReport } from '$lib/domain/county-report';
import { transactionTime } from '$lib/domain/ids';
import { matchPeople, suggestionCounter } from '$lib/domain/matching';
import { DEFAULT_POLICY, type Policy } from '$lib/domain/policy';
import type { Exchange } from '$lib/domain/state';
import type { EntryRow, LibraryRow, ReadModel } from '$lib/store/read-model';
import type { Locale } from '$lib/i18n/locales';
import type { MessageKey } from '$lib/i18n/nb';
import { translate } from '$lib/i18n/translate';
import { toCsv, type CsvRow } from './csv';
import { forMatching } from './queries';

export interface CountyData {
	report: CountyReport;
	libraries: Map<string, LibraryRow>;
	exchanges: Exchange[];
	entries: EntryRow[];
	policy: Policy;
	openOffers: number;
	openRequests: number;
	requestsWithMatches: number;
	years: number[];
}

export async function loadCounty(db: ReadModel, year: number | undefined, today: string): Promise<CountyData> {
	const [libraryRows, exchanges, entries, meta, offerGroups, requests, people] = await Promise.all([
		db.libraries.toArray(),
		db.exchanges.toArray(),
		db.entries.toArray(),
		db.meta.get('projection'),
		db.offerGroups.toArray(),
		db.requests.where('status').equals('open').toArray(),
		db.people.toArray()
	]);
	const libraries = new Map(libraryRows.map((l) => [l.slug, l]));
	const policy = meta?.policy ?? DEFAULT_POLICY;
	const suggestions = suggestionCounter(offerGroups, matchPeople(people), forMatching(libraries));
	const report = countyReport({
		exchanges,
		balances: new Map(libraryRows.map((l) => [l.slug, l.balance])),
		libraries: libraryRows.filter((l) => l.active && !l.county).map((l) => l.slug),
		policy,
		year,
		today
	});
	const years = [...new Set(exchanges.filter((e) => e.completion).map((e) => new Date(transactionTime(e.completion!)).getUTCFullYear()))].sort();
	return {
		report,
		libraries,
		exchanges,
		entries,
		policy,
		openOffers: offerGroups.reduce((sum, group) => sum + group.count, 0),
		openRequests: requests.length,
		requestsWithMatches: requests.filter((request) => suggestions.any(request)).length,
		years
	};
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A CSV file whose header row is in the reader's language; the values stay codes and numbers. */
function csvIn(locale: Locale, rows: CsvRow[], columns: string[]): string {
	return toCsv(rows, columns, columns.map((column) => translate(locale, `csv.${column}` as MessageKey)));
}

export function ledgerCsv(data: CountyData, locale: Locale): string {
	const name = (slug: string) => data.libraries.get(slug)?.name ?? slug;
	const rows = [...data.entries]
		.sort((a, b) => a.tx.localeCompare(b.tx) || a.library.localeCompare(b.library))
		.map((e) => ({ date: day(transactionTime(e.tx)), library: name(e.library), counterparty: name(e.counterparty), kind: e.kind, days: e.delta, balance: e.balance, exchange: e.exchange }));
	return csvIn(locale, rows, ['date', 'library', 'counterparty', 'kind', 'days', 'balance', 'exchange']);
}

export function exchangesCsv(data: CountyData, locale: Locale): string {
	const name = (slug: string) => data.libraries.get(slug)?.name ?? slug;
	const rows = [...data.exchanges]
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((e) => ({ id: e.id, provider: name(e.provider), host: name(e.host), from: e.dates?.from ?? '', to: e.dates?.to ?? '', days: e.days, worked: e.daysWorked ?? '', status: e.status, skills: e.skills.join(' ') }));
	return csvIn(locale, rows, ['id', 'provider', 'host', 'from', 'to', 'days', 'worked', 'status', 'skills']);
}

export function travelCsv(data: CountyData, locale: Locale): string {
	const name = (slug: string) => data.libraries.get(slug)?.name ?? slug;
	const rows = data.report.travel.map((c) => ({ date: c.completedAt, library: name(c.library), host: name(c.host), km: c.km, tolls: c.tolls, meals: c.meals, amount: c.amount, paid: translate(locale, c.paid ? 'csv.yes' : 'csv.no'), exchange: c.exchange }));
	return csvIn(locale, rows, ['date', 'library', 'host', 'km', 'tolls', 'meals', 'amount', 'paid', 'exchange']);
}
