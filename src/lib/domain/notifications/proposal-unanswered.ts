/** A proposal nobody has answered for three days: the library that must answer is reminded once. */
import { transactionTime } from '../ids';
import { counterpartyOf } from '../parties';
import { exchangeLink, exchangeWords } from './exchange-words';
import { noticeKey, type Notice, type NoticeContext } from './notice';
import { libraryRecipients } from './recipients';

export const UNANSWERED_AFTER_MS = 3 * 86_400_000;

export function proposalUnansweredNotices({ state, directory, now }: NoticeContext): Notice[] {
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		const due = transactionTime(exchange.id) + UNANSWERED_AFTER_MS;
		if (exchange.status !== 'proposed' || now < due) continue;
		const answerer = counterpartyOf(exchange);
		for (const to of libraryRecipients(directory, answerer)) {
			out.push({
				key: noticeKey('proposal-unanswered', exchange.id, to.address),
				kind: 'proposal-unanswered',
				to,
				urgency: 'normal',
				link: exchangeLink(exchange),
				params: exchangeWords(state, directory, exchange, answerer),
				at: due
			});
		}
	}
	return out;
}
