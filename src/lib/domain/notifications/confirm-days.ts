/**
 * Only the host's confirmation moves days in the ledger, so the host is reminded the day after
 * the visit, and once more a week later if it still has not confirmed. An agreement without
 * dates has no day to count from; the overview lists it instead.
 */
import { exchangeNotices } from './exchange-notices';
import { addDays, localDate } from './local-time';
import type { Notice, NoticeContext } from './notice';

/** Days after the visit's last day: the first reminder, and the second. */
export const CONFIRM_AFTER_DAYS = [1, 8] as const;

export function confirmDaysNotices({ state, directory, now, timeZone }: NoticeContext): Notice[] {
	const today = localDate(now, timeZone);
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		if (exchange.status !== 'accepted' || !exchange.dates) continue;
		const [first, second] = CONFIRM_AFTER_DAYS.map((d) => addDays(exchange.dates!.to, d)) as [string, string];
		if (today < first) continue;
		// One reminder per stage: a worker that was down for a week sends the later one only.
		const stage = today >= second ? 'week' : 'day';
		out.push(...exchangeNotices(state, directory, { kind: 'confirm-days', exchange, library: exchange.host, urgency: 'normal', at: now, stage, params: { stage } }));
	}
	return out;
}
