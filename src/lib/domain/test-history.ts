/**
 * Generates plausible, messy bank histories for property tests and benchmarks: several
 * devices with skewed clocks, references to earlier offers, requests and exchanges chosen at
 * random (so stale references, collisions and refusals all happen), and county policy changes.
 */
import { completionOf, reversalOf } from './exchange-records';
import { addTransaction } from './fold';
import { StampSource } from './ids';
import { counterpartyOf } from './parties';
import { seededRandom } from './random';
import { createState } from './state';
import { makeTransaction, type Actor, type Transaction, type TransactionFields } from './transactions';

export const HISTORY_LIBRARIES = ['alvdal', 'eidskog', 'elverum', 'hamar', 'tolga', 'stange', 'grue', 'os'];
const SKILLS = ['cataloguing', 'plastic-covering', 'shelving', 'weeding', 'front-desk', 'outreach'];
const COUNTY: Actor = { library: 'fylkesbiblioteket', role: 'county' };
const TRAVEL = { km: 40, tolls: 0, meals: 0 };
const WEEK = { from: '2026-05-04', to: '2026-05-05' };
const RECENT = 400;

/**
 * The generator acts mostly on what a librarian would see (a running fold of what has been
 * written) and sometimes on stale or wrong references, so both the happy paths and the
 * collisions and refusals are well represented.
 */
export function generateHistory(size: number, seed: number, libraries = HISTORY_LIBRARIES): Transaction[] {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const halfDays = (max: number) => (1 + Math.floor(random() * max * 2)) / 2;
	const devices = new Map(libraries.map((lib, i) => [lib, new StampSource(`device${i}x${seed % 1000}`)]));
	const countyDevice = new StampSource(`countydev${seed % 1000}`);
	const view = createState();
	const out: Transaction[] = [];
	const noise = () => random() < 0.12;
	const sometimes = (right: string) => (noise() ? pick(libraries) : right);
	// Librarians act on what is recent: looking only at the newest few hundred keeps a
	// 100k-transaction history quick to generate.
	const recent = new Map<Map<string, unknown>, string[]>([[view.offers, []], [view.requests, []], [view.exchanges, []]]);
	const choose = <T>(items: Map<string, T>, suits: (item: T) => boolean): T | undefined => {
		const ids = recent.get(items)!;
		const fitting: T[] = [];
		for (let i = Math.max(0, ids.length - RECENT); i < ids.length; i++) {
			const item = items.get(ids[i]!)!;
			if (noise() || suits(item)) fitting.push(item);
		}
		return fitting.length ? fitting[fitting.length - 1 - Math.floor(random() * Math.min(fitting.length, 8))] : undefined;
	};
	let now = Date.UTC(2026, 0, 1);

	const write = (library: string, fields: TransactionFields): void => {
		const isCounty = library === COUNTY.library;
		// Devices' clocks disagree by up to two minutes: concurrent writes interleave.
		const stamp = (isCounty ? countyDevice : devices.get(library)!).next(now + Math.floor(random() * 120_000));
		const tx = makeTransaction(stamp, { ...fields, by: isCounty ? COUNTY : { library } } as Omit<Transaction, '_id' | 'type'>) as Transaction;
		out.push(tx);
		addTransaction(view, tx);
		const id = tx._id.slice(3);
		for (const [items, ids] of recent) if (items.has(id)) ids.push(id);
	};
	const exchanges = (suits: (status: string) => boolean) => choose(view.exchanges, (e) => suits(e.status));

	while (out.length < size) {
		now += Math.floor(random() * 600_000);
		const roll = random();
		const library = pick(libraries);
		if (roll < 0.02) {
			write(COUNTY.library, { kind: 'policy.set', creditLimit: 2 + halfDays(4), travelRatePerKm: 4.5, mealAllowance: 200 });
		} else if (roll < 0.04) {
			const ex = exchanges((s) => s === 'completed');
			const reversal = ex && reversalOf(ex, 'Korrigering');
			if (reversal) write(COUNTY.library, reversal);
		} else if (roll < 0.15) {
			write(library, { kind: 'offer.posted', skills: [pick(SKILLS)], description: 'Tilbud', days: halfDays(3), dates: [] });
		} else if (roll < 0.25) {
			write(library, { kind: 'request.posted', skills: [pick(SKILLS)], description: 'Behov', days: halfDays(2), dates: [], urgency: random() < 0.3 ? 'urgent' : 'planned' });
		} else if (roll < 0.35) {
			const request = choose(view.requests, (r) => r.status === 'open' && r.library !== library);
			if (request) write(library, { kind: 'request.answered', request: request.id, days: request.days });
		} else if (roll < 0.44) {
			const offer = choose(view.offers, (o) => o.status === 'open' && o.library !== library);
			if (offer) write(library, { kind: 'exchange.proposed', offer: offer.id, days: Math.min(halfDays(2), Math.max(0.5, offer.days - offer.daysTaken)), dates: WEEK });
		} else if (roll < 0.56) {
			const ex = exchanges((s) => s === 'proposed');
			if (ex) write(sometimes(counterpartyOf(ex)), { kind: 'exchange.accepted', exchange: ex.id });
		} else if (roll < 0.6) {
			const ex = exchanges((s) => s === 'proposed');
			if (ex) write(sometimes(counterpartyOf(ex)), { kind: 'exchange.declined', exchange: ex.id, reason: 'Passer ikke' });
		} else if (roll < 0.62) {
			const ex = exchanges((s) => s === 'proposed');
			if (ex) write(sometimes(ex.proposedBy), { kind: 'exchange.withdrawn', exchange: ex.id });
		} else if (roll < 0.67) {
			const ex = exchanges((s) => s === 'accepted');
			if (ex) write(sometimes(random() < 0.5 ? ex.host : ex.provider), { kind: 'exchange.cancelled', exchange: ex.id });
		} else if (roll < 0.69) {
			const ex = choose(view.exchanges, (e) => e.status === 'accepted' && e.collisions.length > 0);
			if (ex) write(sometimes(ex.host), { kind: 'exchange.released', exchange: ex.id, reason: 'Vi har nok folk' });
		} else if (roll < 0.88) {
			const ex = exchanges((s) => s === 'accepted');
			// Never by the provider naming itself: the server refuses that document outright.
			const writer = ex && sometimes(ex.host);
			if (ex && writer && writer !== ex.provider) write(writer, completionOf(ex, noise() ? ex.days + 0.5 : Math.max(0.5, ex.days - (random() < 0.2 ? 0.5 : 0)), TRAVEL));
		} else if (roll < 0.9) {
			const ex = exchanges((s) => s === 'completed');
			if (ex) write(sometimes(random() < 0.5 ? ex.host : ex.provider), { kind: 'exchange.reported', exchange: ex.id, done: 'Katalogisering' });
		} else if (roll < 0.91) {
			const ex = exchanges((s) => s === 'completed');
			if (ex) write(COUNTY.library, { kind: 'travel.paid', exchanges: [ex.id] });
		} else {
			const offer = choose(view.offers, (o) => o.library === library);
			const kind = roll < 0.95 ? 'offer.paused' : roll < 0.98 ? 'offer.resumed' : 'offer.withdrawn';
			if (offer) write(sometimes(offer.library), { kind, offer: offer.id });
		}
	}
	return out;
}
