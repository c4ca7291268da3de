/**
 * Open requests: the asking library is the host. Another library takes a request by accepting
 * it; that makes an agreed exchange at once, and the first acceptance wins.
 */
import { assertWithinLimit, commit } from './ledger';
import { refuse } from './rejection';
import type { BankState, Request } from './state';
import type { TransactionOf } from './transactions';

function ownedRequest(state: BankState, requestId: string, library: string): Request {
	const request = state.requests.get(requestId);
	if (!request) refuse('request-unknown', { request: requestId });
	if (request.library !== library) refuse('not-owner', { library: request.library });
	if (request.status === 'withdrawn') refuse('request-withdrawn');
	return request;
}

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
}

export function requestRevised(state: BankState, id: string, tx: TransactionOf<'request.revised'>): void {
	const request = ownedRequest(state, tx.request, tx.by.library);
	if (request.status !== 'open') refuse('request-taken', takenParams(state, request));
	request.skills = [...tx.skills];
	request.description = tx.description;
	request.days = tx.days;
	request.dates = tx.dates.map((w) => ({ ...w }));
	request.urgency = tx.urgency;
	request.updated = id;
}

export function requestWithdrawn(state: BankState, id: string, tx: TransactionOf<'request.withdrawn'>): void {
	const request = ownedRequest(state, tx.request, tx.by.library);
	if (request.status !== 'open') refuse('request-taken', takenParams(state, request));
	request.status = 'withdrawn';
	request.updated = id;
}

export function requestAccepted(state: BankState, id: string, tx: TransactionOf<'request.accepted'>): void {
	const request = state.requests.get(tx.request);
	if (!request) refuse('request-unknown', { request: tx.request });
	if (request.status === 'withdrawn') refuse('request-withdrawn');
	if (request.status === 'filled') refuse('request-taken', takenParams(state, request));
	if (request.library === tx.by.library) refuse('own-request');
	assertWithinLimit(state, request.library, request.days);

	commit(state, request.library, request.days);
	request.status = 'filled';
	request.filledBy = id;
	request.updated = id;
	state.exchanges.set(id, {
		id,
		source: { request: request.id },
		skills: [...request.skills],
		reports: [],
		provider: tx.by.library,
		host: request.library,
		proposedBy: tx.by.library,
		days: request.days,
		dates: tx.dates ?? request.dates[0],
		status: 'accepted',
		history: [id],
		updated: id
	});
}

/** Names the library whose acceptance came first, so the loser sees why. */
function takenParams(state: BankState, request: Request): Record<string, string> {
	const winner = request.filledBy ? state.exchanges.get(request.filledBy) : undefined;
	return winner ? { library: winner.provider, exchange: winner.id } : {};
}

/** A cancelled agreement puts the request back on the board unless it was withdrawn. */
export function reopenRequest(request: Request, id: string): void {
	if (request.status === 'filled') {
		request.status = 'open';
		request.filledBy = undefined;
		request.updated = id;
	}
}
