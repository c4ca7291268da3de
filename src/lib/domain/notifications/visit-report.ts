/**
 * What one library learned from a visit is worth most to the next one, so each party that has
 * not written its report is reminded once, from the day after the host confirmed the days (not
 * the same evening: the visitor may still be on the road).
 */
import { transactionTime } from '../ids';
import { exchangeNotices } from './exchange-notices';
import { localDate } from './local-time';
import type { Notice, NoticeContext } from './notice';

export function visitReportNotices({ state, directory, now, timeZone }: NoticeContext): Notice[] {
	const today = localDate(now, timeZone);
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		if (exchange.status !== 'completed' || !exchange.completion) continue;
		if (localDate(transactionTime(exchange.completion), timeZone) >= today) continue;
		for (const library of [exchange.host, exchange.provider]) {
			if (exchange.reports.some((r) => r.library === library)) continue;
			out.push(...exchangeNotices(state, directory, { kind: 'visit-report', exchange, library, urgency: 'normal', at: now }));
		}
	}
	return out;
}
