/** The day before an agreed visit, both the host and the visiting library are reminded. */
import { exchangeLink, exchangeWords } from './exchange-words';
import { addDays, localDate } from './local-time';
import { noticeKey, type Notice, type NoticeContext } from './notice';
import { libraryRecipients } from './recipients';

export function visitTomorrowNotices({ state, directory, now, timeZone }: NoticeContext): Notice[] {
	const tomorrow = addDays(localDate(now, timeZone), 1);
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		if (exchange.status !== 'accepted' || exchange.dates?.from !== tomorrow) continue;
		for (const library of [exchange.host, exchange.provider]) {
			for (const to of libraryRecipients(directory, library)) {
				out.push({
					key: noticeKey('visit-tomorrow', exchange.id, to.address, tomorrow),
					kind: 'visit-tomorrow',
					to,
					urgency: 'normal',
					link: exchangeLink(exchange),
					params: { ...exchangeWords(state, directory, exchange, library), role: library === exchange.host ? 'host' : 'provider' },
					at: now
				});
			}
		}
	}
	return out;
}
