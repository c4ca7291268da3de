/** Test helper: everything a page could show of a state, in plain data, to compare two states exactly. */
import type { BankState } from './state';

export function snapshot(state: BankState) {
	const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
	return {
		policy: state.policy,
		offers: sorted(state.offers),
		requests: sorted(state.requests),
		exchanges: sorted(state.exchanges),
		balances: sorted(state.balances).filter(([, b]) => b !== 0),
		committed: sorted(state.committed).filter(([, c]) => c !== 0),
		reserved: sorted(state.reserved).filter(([, c]) => c !== 0),
		entries: sorted(state.entries),
		rejected: sorted(state.rejected),
		lastId: state.lastId,
		count: state.count
	};
}
