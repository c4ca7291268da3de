/** What the offer page shows: the offer, and for the library that posted it, the open requests it could fill. */
import type { Rejection } from '$lib/domain/rejection';
import type { Offer, Request } from '$lib/domain/state';
import type { LibraryRow, ReadModel } from '$lib/store/read-model';
import { openRequests } from './board-query';
import { librariesBySlug } from './queries';

export interface OfferView {
	offer?: Offer;
	libraries: Map<string, LibraryRow>;
	/** Open requests, for the offer's own library to match against; empty for others. */
	requests: Request[];
	/** This library's transactions about it that did not go through. */
	rejected: Rejection[];
}

export async function offerView(db: ReadModel, id: string, me: string): Promise<OfferView> {
	const offer = await db.offers.get(id);
	const [libraries, requests, rejected] = await Promise.all([
		librariesBySlug(db),
		offer?.library === me ? openRequests(db) : Promise.resolve([]),
		db.rejected.where('target').equals(id).toArray()
	]);
	return { offer, libraries, requests, rejected: rejected.filter((r) => r.by === me) };
}
