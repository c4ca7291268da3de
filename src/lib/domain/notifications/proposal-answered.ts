/**
 * The library that proposed hears how its proposal or answer was received: accepted (it stays
 * told even once the visit is done) or declined.
 */
import { transactionTime } from '../ids';
import { exchangeLink, exchangeWords, isUrgentSource } from './exchange-words';
import { noticeKey, type Notice, type NoticeContext } from './notice';
import { libraryRecipients } from './recipients';

export function proposalAnsweredNotices({ state, directory }: NoticeContext): Notice[] {
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		const declined = exchange.ending?.kind === 'declined' ? exchange.ending : undefined;
		const answer = exchange.agreedBy ?? declined?.tx;
		if (!answer) continue;
		const kind = exchange.agreedBy ? 'proposal-accepted' : 'proposal-declined';
		for (const to of libraryRecipients(directory, exchange.proposedBy)) {
			out.push({
				key: noticeKey(kind, exchange.id, to.address),
				kind,
				to,
				urgency: kind === 'proposal-accepted' && isUrgentSource(state, exchange) ? 'urgent' : 'normal',
				link: exchangeLink(exchange),
				params: { ...exchangeWords(state, directory, exchange, exchange.proposedBy), reason: declined?.reason ?? '' },
				at: transactionTime(answer)
			});
		}
	}
	return out;
}
