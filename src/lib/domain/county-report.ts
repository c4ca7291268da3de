/**
 * The county librarian's figures, derived from the fold like everything else: days exchanged,
 * per library, per skill and per month, travel to reimburse, and what needs attention.
 * A year of `undefined` means all time. Exchanges count in the month they were completed.
 */
import { transactionTime } from './ids';
import type { Policy } from './policy';
import type { Exchange } from './state';

export interface LibraryTotals {
	library: string;
	given: number;
	received: number;
	balance: number;
}

export interface TravelClaim {
	exchange: string;
	completedAt: string;
	/** The visiting library, whose librarian travelled. */
	library: string;
	host: string;
	km: number;
	tolls: number;
	meals: number;
	amount: number;
	paid: boolean;
}

export interface CountyReport {
	daysExchanged: number;
	exchangesCompleted: number;
	perLibrary: LibraryTotals[];
	perSkill: Array<{ skill: string; days: number }>;
	perMonth: Array<{ month: string; days: number }>;
	travel: TravelClaim[];
	travelTotal: number;
	belowZero: LibraryTotals[];
	/** Agreed visits whose date passed more than `staleDays` ago and are still not confirmed. */
	waitingForConfirmation: Exchange[];
}

export interface ReportInput {
	exchanges: Exchange[];
	/** Balances as the ledger has them (all time). */
	balances: Map<string, number>;
	libraries: string[];
	policy: Policy;
	year?: number;
	today: string;
	staleDays?: number;
}

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

function completedAt(exchange: Exchange): number {
	return transactionTime(exchange.completion ?? exchange.updated);
}

function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function reimbursement(travel: { km: number; tolls: number; meals: number }, policy: Policy): number {
	return Math.round((travel.km * policy.travelRatePerKm + travel.tolls + travel.meals) * 100) / 100;
}

const toOre = (amount: number) => Math.round(amount * 100) / 100;

/** What a set of claims comes to: in all, still unpaid, and per visiting library (largest first). */
export function travelTotals(claims: readonly TravelClaim[]): { total: number; unpaid: number; perLibrary: Array<[string, number]> } {
	const perLibrary = new Map<string, number>();
	for (const c of claims) perLibrary.set(c.library, (perLibrary.get(c.library) ?? 0) + c.amount);
	return {
		total: toOre(claims.reduce((sum, c) => sum + c.amount, 0)),
		unpaid: toOre(claims.filter((c) => !c.paid).reduce((sum, c) => sum + c.amount, 0)),
		perLibrary: [...perLibrary].map(([library, amount]): [string, number] => [library, toOre(amount)]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
	};
}

export function countyReport(input: ReportInput): CountyReport {
	const inYear = (ms: number) => input.year === undefined || new Date(ms).getUTCFullYear() === input.year;
	const completed = input.exchanges
		.filter((e) => e.status === 'completed')
		.map((e) => ({ exchange: e, at: completedAt(e), days: e.daysWorked ?? 0 }))
		.filter((c) => inYear(c.at));

	const totals = new Map(input.libraries.map((l) => [l, { library: l, given: 0, received: 0, balance: input.balances.get(l) ?? 0 }]));
	const totalsOf = (library: string) => {
		if (!totals.has(library)) totals.set(library, { library, given: 0, received: 0, balance: input.balances.get(library) ?? 0 });
		return totals.get(library)!;
	};
	const perSkill = new Map<string, number>();
	const perMonth = new Map<string, number>();
	let daysExchanged = 0;
	for (const { exchange, at, days } of completed) {
		daysExchanged += days;
		totalsOf(exchange.provider).given += days;
		totalsOf(exchange.host).received += days;
		// A day with several skills counts once per skill: the skill view answers "how much of this".
		for (const skill of exchange.skills) perSkill.set(skill, (perSkill.get(skill) ?? 0) + days);
		perMonth.set(monthOf(at), (perMonth.get(monthOf(at)) ?? 0) + days);
	}

	const travel: TravelClaim[] = completed
		.filter(({ exchange }) => exchange.travel)
		.map(({ exchange, at }) => ({
			exchange: exchange.id,
			completedAt: new Date(at).toISOString().slice(0, 10),
			library: exchange.provider,
			host: exchange.host,
			km: exchange.travel!.km,
			tolls: exchange.travel!.tolls,
			meals: exchange.travel!.meals,
			amount: reimbursement(exchange.travel!, input.policy),
			paid: exchange.travelPaid !== undefined
		}))
		.sort((a, b) => a.completedAt.localeCompare(b.completedAt) || a.exchange.localeCompare(b.exchange));

	const staleBefore = addDays(input.today, -(input.staleDays ?? 14));
	const perLibrary = [...totals.values()].sort((a, b) => a.library.localeCompare(b.library));
	return {
		daysExchanged,
		exchangesCompleted: completed.length,
		perLibrary,
		perSkill: [...perSkill].map(([skill, days]) => ({ skill, days })).sort((a, b) => b.days - a.days || a.skill.localeCompare(b.skill)),
		perMonth: [...perMonth].map(([month, days]) => ({ month, days })).sort((a, b) => a.month.localeCompare(b.month)),
		travel,
		travelTotal: travelTotals(travel).total,
		belowZero: perLibrary.filter((l) => l.balance < 0).sort((a, b) => a.balance - b.balance),
		waitingForConfirmation: input.exchanges.filter((e) => e.status === 'accepted' && e.dates !== undefined && e.dates.to < staleBefore)
	};
}
