/**
 * The library that proposed hears how its proposal or answer was received: accepted (it stays
 * told even once the visit is done) or declined.
 */
import { transactionTime } from '../ids';
import { exchangeNotices } from './exchange-notices';
import { isUrgentSource } from './exchange-words';
import type { Notice, NoticeContext } from './notice';

export function proposalAnsweredNotices({ state, directory }: NoticeContext): Notice[] {
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		const declined = exchange.ending?.kind === 'declined' ? exchange.ending : undefined;
		const answer = exchange.agreedBy ?? declined?.tx;
		if (!answer) continue;
		const kind = exchange.agreedBy ? 'proposal-accepted' : 'proposal-declined';
		const urgency = kind === 'proposal-accepted' && isUrgentSource(state, exchange) ? 'urgent' : 'normal';
		const params = { reason: declined?.reason ?? '' };
		out.push(...exchangeNotices(state, directory, { kind, exchange, library: exchange.proposedBy, urgency, at: transactionTime(answer), params }));
	}
	return out;
}
