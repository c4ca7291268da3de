/** A proposal nobody has answered for three days: the library that must answer is reminded once. */
import { transactionTime } from '../ids';
import { hasLapsed } from '../lapse';
import { counterpartyOf } from '../parties';
import { exchangeNotices } from './exchange-notices';
import type { Notice, NoticeContext } from './notice';

export const UNANSWERED_AFTER_MS = 3 * 86_400_000;

export function proposalUnansweredNotices({ state, directory, now }: NoticeContext): Notice[] {
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		const due = transactionTime(exchange.id) + UNANSWERED_AFTER_MS;
		if (exchange.status !== 'proposed' || now < due || hasLapsed(exchange, now)) continue;
		out.push(...exchangeNotices(state, directory, { kind: 'proposal-unanswered', exchange, library: counterpartyOf(exchange), urgency: 'normal', at: due }));
	}
	return out;
}
