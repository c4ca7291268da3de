/**
 * A proposal for an offer, or an answer to a request, waits for the other library: it hears at
 * once (urgently when the request it answers is urgent: someone is waiting to come tomorrow).
 */
import { transactionTime } from '../ids';
import { hasLapsed } from '../lapse';
import { counterpartyOf } from '../parties';
import { exchangeNotices } from './exchange-notices';
import { isUrgentSource } from './exchange-words';
import type { Notice, NoticeContext } from './notice';

export function proposalToAnswerNotices({ state, directory, now }: NoticeContext): Notice[] {
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		if (exchange.status !== 'proposed' || hasLapsed(exchange, now)) continue;
		const urgency = isUrgentSource(state, exchange) ? 'urgent' : 'normal';
		out.push(...exchangeNotices(state, directory, { kind: 'proposal-to-answer', exchange, library: counterpartyOf(exchange), urgency, at: transactionTime(exchange.id) }));
	}
	return out;
}
