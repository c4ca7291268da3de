/** What the boards list: every open offer or request, and those a library posted itself. */
import type { Offer, Request } from '$lib/domain/state';
import type { ReadModel } from '$lib/store/read-model';

export const openOffers = (db: ReadModel): Promise<Offer[]> => db.offers.where('status').equals('open').toArray();
export const offersOf = (db: ReadModel, library: string): Promise<Offer[]> => db.offers.where('library').equals(library).toArray();
export const openRequests = (db: ReadModel): Promise<Request[]> => db.requests.where('status').equals('open').toArray();
export const requestsOf = (db: ReadModel, library: string): Promise<Request[]> => db.requests.where('library').equals(library).toArray();
