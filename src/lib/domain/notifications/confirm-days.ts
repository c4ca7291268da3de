/**
 * Only the host's confirmation moves days in the ledger, so the host is reminded the day after
 * the visit, and once more a week later if it still has not confirmed. An agreement without
 * dates has no day to count from; the overview lists it instead.
 */
import { exchangeLink, exchangeWords } from './exchange-words';
import { addDays, localDate } from './local-time';
import { noticeKey, type Notice, type NoticeContext } from './notice';
import { libraryRecipients } from './recipients';

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
		for (const to of libraryRecipients(directory, exchange.host)) {
			out.push({
				key: noticeKey('confirm-days', exchange.id, to.address, stage),
				kind: 'confirm-days',
				to,
				urgency: 'normal',
				link: exchangeLink(exchange),
				params: { ...exchangeWords(state, directory, exchange, exchange.host), stage },
				at: now
			});
		}
	}
	return out;
}
