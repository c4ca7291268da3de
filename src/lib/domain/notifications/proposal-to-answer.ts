/**
 * A proposal for an offer, or an answer to a request, waits for the other library: it hears at
 * once (urgently when the request it answers is urgent: someone is waiting to come tomorrow).
 */
import { transactionTime } from '../ids';
import { counterpartyOf } from '../parties';
import { exchangeLink, exchangeWords, isUrgentSource } from './exchange-words';
import { noticeKey, type Notice, type NoticeContext } from './notice';
import { libraryRecipients } from './recipients';

export function proposalToAnswerNotices({ state, directory }: NoticeContext): Notice[] {
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		if (exchange.status !== 'proposed') continue;
		const answerer = counterpartyOf(exchange);
		for (const to of libraryRecipients(directory, answerer)) {
			out.push({
				key: noticeKey('proposal-to-answer', exchange.id, to.address),
				kind: 'proposal-to-answer',
				to,
				urgency: isUrgentSource(state, exchange) ? 'urgent' : 'normal',
				link: exchangeLink(exchange),
				params: exchangeWords(state, directory, exchange, answerer),
				at: transactionTime(exchange.id)
			});
		}
	}
	return out;
}
