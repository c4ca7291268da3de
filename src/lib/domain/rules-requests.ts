/**
 * Open requests: the asking library is the host. Other libraries answer ("we can come"); the
 * host accepts one answer, which makes the agreement (rules-exchanges.ts). The host alone
 * decides who comes, so two libraries racing to take a request cannot overturn each other.
 */
import { markRequestCollisions } from './collisions';
import { refuse } from './rejection';
import type { BankState, Request } from './state';
import type { TransactionOf } from './transactions';

export function requestPosted(state: BankState, id: string, tx: TransactionOf<'request.posted'>): void {
	state.requests.set(id, {
		id,
		library: tx.by.library,
		person: tx.by.person,
		skills: [...tx.skills],
		description: tx.description,
		days: tx.days,
		dates: tx.dates.map((w) => ({ ...w })),
		urgency: tx.urgency,
		status: 'open',
		updated: id
	});
	state.index.termsBy.set(id, id);
}

export function editRequest(state: BankState, id: string, tx: TransactionOf<'request.revised' | 'request.withdrawn'>): void {
	const request = state.requests.get(tx.request)!;
	if (request.library !== tx.by.library) refuse('not-owner', { library: request.library });
	const index = state.index;
	if (tx.kind === 'request.revised' && id > (index.termsBy.get(request.id) ?? '')) {
		index.termsBy.set(request.id, id);
		request.skills = [...tx.skills];
		request.description = tx.description;
		request.days = tx.days;
		request.dates = tx.dates.map((w) => ({ ...w }));
		request.urgency = tx.urgency;
	} else if (tx.kind === 'request.withdrawn') {
		const first = index.withdrawn.get(request.id);
		if (!first || id < first) index.withdrawn.set(request.id, id);
	}
	if (id > request.updated) request.updated = id;
	markRequestCollisions(state, request);
}

/** Filled while an agreement stands (even one made as the host withdrew it), else withdrawn or open. */
export function updateRequestStatus(state: BankState, request: Request, agreements: string[]): void {
	request.filledBy = agreements.length ? agreements.reduce((a, b) => (a < b ? a : b)) : undefined;
	if (request.filledBy) request.status = 'filled';
	else request.status = state.index.withdrawn.has(request.id) ? 'withdrawn' : 'open';
}
