/**
 * Agreements that cannot all hold (collisions.ts) are told to both parties at once: until one
 * is released, two libraries may believe the same visit is theirs. A new kind of collision on
 * the same agreement is told again.
 */
import { transactionTime } from '../ids';
import { exchangeNotices } from './exchange-notices';
import type { Notice, NoticeContext } from './notice';

export function collisionNotices({ state, directory }: NoticeContext): Notice[] {
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		if (exchange.collisions.length === 0 || exchange.status !== 'accepted') continue;
		const codes = [...exchange.collisions].sort().join('+');
		for (const library of [exchange.host, exchange.provider]) {
			out.push(...exchangeNotices(state, directory, { kind: 'collision', exchange, library, urgency: 'urgent', at: transactionTime(exchange.updated), stage: codes, params: { codes } }));
		}
	}
	return out;
}
