/**
 * Generates plausible, messy bank histories for property tests and benchmarks: several
 * devices with skewed clocks, references to earlier offers, requests and exchanges chosen at
 * random (so races, stale references and refusals all happen), and county policy changes.
 */
import { TransactionIdSource } from './ids';
import { completionOf, reversalOf } from './exchange-records';
import { applyNewer } from './fold';
import { availableOf } from './ledger';
import { seededRandom } from './random';
import { createState } from './state';
import { makeTransaction, type Actor, type Transaction, type TransactionFields } from './transactions';

export const HISTORY_LIBRARIES = ['alvdal', 'eidskog', 'elverum', 'hamar', 'tolga', 'stange', 'grue', 'os'];
const SKILLS = ['cataloguing', 'plastic-covering', 'shelving', 'weeding', 'front-desk', 'outreach'];
const COUNTY: Actor = { library: 'fylkesbiblioteket', role: 'county' };


/**
 * The generator acts mostly on what a librarian would see (its own running fold of what it has
 * written) and sometimes on stale or wrong references, so both the happy paths and the races
 * and refusals are well represented.
 */
export function generateHistory(size: number, seed: number, libraries = HISTORY_LIBRARIES): Transaction[] {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const halfDays = (max: number) => (1 + Math.floor(random() * max * 2)) / 2;
	const devices = new Map(libraries.map((lib, i) => [lib, new TransactionIdSource(`device${i}x${seed % 1000}`)]));
	const countyDevice = new TransactionIdSource(`countydev${seed % 1000}`);
	const view = createState();
	const out: Transaction[] = [];
	const noise = () => random() < 0.12;
	const sometimes = (right: string) => (noise() ? pick(libraries) : right);
	const choose = <T>(items: Iterable<T>, suits: (item: T) => boolean): T | undefined => {
		const fitting: T[] = [];
		for (const item of items) if (noise() || suits(item)) fitting.push(item);
		return fitting.length ? fitting[fitting.length - 1 - Math.floor(random() * Math.min(fitting.length, 8))] : undefined;
	};
	let now = Date.UTC(2026, 0, 1);

	const write = (library: string, fields: TransactionFields): void => {
		const isCounty = library === COUNTY.library;
		// Devices' clocks disagree by up to two minutes: concurrent writes interleave.
		const id = (isCounty ? countyDevice : devices.get(library)!).next(now + Math.floor(random() * 120_000));
		const tx = makeTransaction(id, { ...fields, by: isCounty ? COUNTY : { library } } as Omit<Transaction, '_id' | 'type'>) as Transaction;
		out.push(tx);
		if (id > view.lastId) applyNewer(view, tx);
	};

	while (out.length < size) {
		now += Math.floor(random() * 600_000);
		const roll = random();
		const library = pick(libraries);
		if (roll < 0.02) {
			write(COUNTY.library, { kind: 'policy.set', creditLimit: 2 + halfDays(4), travelRatePerKm: 4.5, mealAllowance: 200 });
		} else if (roll < 0.04) {
			const ex = choose(view.exchanges.values(), (e) => e.status === 'completed');
			const reversal = ex && reversalOf(ex, 'Korrigering');
			if (reversal) write(COUNTY.library, reversal);
		} else if (roll < 0.16) {
			write(library, { kind: 'offer.posted', skills: [pick(SKILLS)], description: 'Tilbud', days: halfDays(3), dates: [] });
		} else if (roll < 0.28) {
			write(library, { kind: 'request.posted', skills: [pick(SKILLS)], description: 'Behov', days: halfDays(2), dates: [], urgency: 'planned' });
		} else if (roll < 0.38) {
			const request = choose(view.requests.values(), (r) => r.status === 'open' && r.library !== library && availableOf(view, r.library) >= r.days);
			if (request) write(sometimes(library), { kind: 'request.accepted', request: request.id });
		} else if (roll < 0.48) {
			const offer = choose(view.offers.values(), (o) => o.status === 'open' && o.library !== library);
			if (offer) write(library, { kind: 'exchange.proposed', offer: offer.id, days: Math.min(halfDays(2), Math.max(0.5, offer.days - offer.daysTaken)), dates: { from: '2026-05-04', to: '2026-05-05' } });
		} else if (roll < 0.6) {
			const ex = choose(view.exchanges.values(), (e) => e.status === 'proposed');
			if (ex) write(sometimes(ex.proposedBy === ex.host ? ex.provider : ex.host), { kind: 'exchange.accepted', exchange: ex.id });
		} else if (roll < 0.64) {
			const ex = choose(view.exchanges.values(), (e) => e.status === 'proposed');
			if (ex) write(sometimes(ex.proposedBy === ex.host ? ex.provider : ex.host), { kind: 'exchange.declined', exchange: ex.id });
		} else if (roll < 0.7) {
			const ex = choose(view.exchanges.values(), (e) => e.status === 'accepted' || e.status === 'proposed');
			if (ex) write(sometimes(random() < 0.5 ? ex.host : ex.provider), { kind: 'exchange.cancelled', exchange: ex.id });
		} else if (roll < 0.9) {
			const ex = choose(view.exchanges.values(), (e) => e.status === 'accepted');
			// Never by the provider naming itself: the server refuses that document outright.
			const writer = ex && sometimes(ex.host);
			if (ex && writer && writer !== ex.provider) write(writer, completionOf(ex, noise() ? ex.days + 0.5 : Math.max(0.5, ex.days - (random() < 0.2 ? 0.5 : 0)), { km: 40, tolls: 0, meals: 0 }));
		} else {
			const offer = choose(view.offers.values(), (o) => o.library === library);
			const kind = roll < 0.94 ? 'offer.paused' : roll < 0.97 ? 'offer.resumed' : 'offer.withdrawn';
			if (offer) write(sometimes(offer.library), { kind, offer: offer.id });
		}
	}
	return out;
}
