/** The day before an agreed visit, both the host and the visiting library are reminded. */
import { exchangeNotices } from './exchange-notices';
import { addDays, localDate } from './local-time';
import type { Notice, NoticeContext } from './notice';

export function visitTomorrowNotices({ state, directory, now, timeZone }: NoticeContext): Notice[] {
	const tomorrow = addDays(localDate(now, timeZone), 1);
	const out: Notice[] = [];
	for (const exchange of state.exchanges.values()) {
		if (exchange.status !== 'accepted' || exchange.dates?.from !== tomorrow) continue;
		for (const library of [exchange.host, exchange.provider]) {
			const role = library === exchange.host ? 'host' : 'provider';
			out.push(...exchangeNotices(state, directory, { kind: 'visit-tomorrow', exchange, library, urgency: 'normal', at: now, stage: tomorrow, params: { role } }));
		}
	}
	return out;
}
