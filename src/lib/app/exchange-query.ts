/** What the exchange page shows: the exchange, the request it answers, and what it collides with. */
import { collidingWith } from '$lib/domain/collisions';
import { hasLapsed, lapsesAt } from '$lib/domain/lapse';
import type { Rejection } from '$lib/domain/rejection';
import type { Exchange, Request } from '$lib/domain/state';
import type { LibraryRow, ReadModel } from '$lib/store/read-model';
import { librariesBySlug } from './queries';

export interface ExchangeView {
	exchange?: Exchange;
	libraries: Map<string, LibraryRow>;
	/** The request it answers, when it came from one. */
	request?: Request;
	/** The other agreements it collides with. */
	colliding: Exchange[];
	/** This library's transactions about it that did not go through. */
	rejected: Rejection[];
	/** Why the transaction that would have started it did not go through. */
	own?: Rejection;
	/** When an unanswered proposal lapsed (ms), if it has (lapse.ts). */
	lapsedAt?: number;
}

export async function exchangeView(db: ReadModel, id: string, me: string, now = Date.now()): Promise<ExchangeView> {
	const [exchange, libraries, rejected, own] = await Promise.all([db.exchanges.get(id), librariesBySlug(db), db.rejected.where('target').equals(id).toArray(), db.rejected.get(id)]);
	const request = exchange && 'request' in exchange.source ? await db.requests.get(exchange.source.request) : undefined;
	const colliding = exchange?.collisions.length ? collidingWith(exchange, await db.exchanges.where('host').equals(exchange.host).toArray()) : [];
	const lapsedAt = exchange && hasLapsed(exchange, now) ? lapsesAt(exchange) : undefined;
	return { exchange, libraries, request, colliding, rejected: rejected.filter((r) => r.by === me), own, ...(lapsedAt ? { lapsedAt } : {}) };
}
