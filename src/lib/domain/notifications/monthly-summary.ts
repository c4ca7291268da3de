/**
 * The county librarian's monthly summary, on the first of each month, for the month before:
 * days exchanged, libraries below zero, travel claims waiting to be paid, and agreed visits
 * unconfirmed 14 days after their date. The figures are the county report's (county-report.ts),
 * so the e-mail and the report page never disagree.
 */
import { countyReport } from '../county-report';
import { sourceDescription } from './exchange-words';
import { addDays, localDate } from './local-time';
import { noticeKey, type Notice, type NoticeContext } from './notice';
import { libraryName, libraryRecipients } from './recipients';

/** Days after an agreed visit's last date before the county hears it is unconfirmed. */
export const UNCONFIRMED_AFTER_DAYS = 14;

export interface MonthlySummary {
	/** The month summarised, YYYY-MM. */
	month: string;
	days: number;
	belowZero: Array<{ library: string; balance: number }>;
	travelWaiting: number;
	travelAmount: number;
	unconfirmed: Array<{ provider: string; host: string; description: string; from: string; to: string; link: string }>;
}

/** The month before the one a date falls in, YYYY-MM. */
export function previousMonth(isoDate: string): string {
	return addDays(`${isoDate.slice(0, 7)}-01`, -1).slice(0, 7);
}

function summaryOf(context: NoticeContext, month: string): MonthlySummary {
	const { state, directory } = context;
	const report = countyReport({
		exchanges: [...state.exchanges.values()],
		balances: state.balances,
		libraries: [...directory.libraries.keys()],
		policy: state.policy,
		today: localDate(context.now, context.timeZone),
		staleDays: UNCONFIRMED_AFTER_DAYS
	});
	const waiting = report.travel.filter((claim) => !claim.paid);
	return {
		month,
		days: report.perMonth.find((m) => m.month === month)?.days ?? 0,
		belowZero: report.belowZero.map((l) => ({ library: libraryName(directory, l.library), balance: l.balance })),
		travelWaiting: waiting.length,
		travelAmount: Math.round(waiting.reduce((sum, claim) => sum + claim.amount, 0) * 100) / 100,
		unconfirmed: report.waitingForConfirmation
			.sort((a, b) => (a.dates?.from ?? '').localeCompare(b.dates?.from ?? '') || (a.id < b.id ? -1 : 1))
			.map((e) => ({
				provider: libraryName(directory, e.provider),
				host: libraryName(directory, e.host),
				description: sourceDescription(state, e),
				from: e.dates?.from ?? '',
				to: e.dates?.to ?? '',
				link: `/exchanges/${e.id}`
			}))
	};
}

export function monthlySummaryNotices(context: NoticeContext): Notice[] {
	const month = previousMonth(localDate(context.now, context.timeZone));
	const county = [...context.directory.libraries.values()].filter((l) => l.county);
	if (county.length === 0) return [];
	const summary = summaryOf(context, month);
	return county.flatMap((library) =>
		libraryRecipients(context.directory, library.slug).map((to) => ({
			key: noticeKey('monthly-summary', month, to.address),
			kind: 'monthly-summary' as const,
			to,
			urgency: 'normal' as const,
			link: '/county',
			params: { month },
			summary,
			at: Date.parse(`${addDays(`${month}-01`, 40).slice(0, 7)}-01T00:00:00Z`)
		}))
	);
}
