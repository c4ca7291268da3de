/**
 * Agreements that cannot all hold (collisions.ts) are told to both parties at once: until one
 * is released, two libraries may believe the same visit is theirs. A new kind of collision on
 * the same agreement is told again.
 */
import { transactionTime } from '../ids';
import { exchangeLink, exchangeWords } from './exchange-words';
import { noticeKey, type Notice, type NoticeContext } from './notice';
import { libraryRecipients } from './recipients';

export function collisionNotices({ state, directory }: NoticeContext): Notice[] {
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		if (exchange.collisions.length === 0 || exchange.status !== 'accepted') continue;
		const codes = [...exchange.collisions].sort().join('+');
		for (const library of [exchange.host, exchange.provider]) {
			for (const to of libraryRecipients(directory, library)) {
				out.push({
					key: noticeKey('collision', exchange.id, to.address, codes),
					kind: 'collision',
					to,
					urgency: 'urgent',
					link: exchangeLink(exchange),
					params: { ...exchangeWords(state, directory, exchange, library), codes },
					at: transactionTime(exchange.updated)
				});
			}
		}
	}
	return out;
}
