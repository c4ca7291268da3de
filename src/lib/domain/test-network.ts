/**
 * Test helper: a county of devices that go offline, keep wrong clocks and sync late, acting
 * as honest librarians would (each checks the preflight against its own replica before it
 * writes), and a server that refuses what is stamped too far ahead. Deliveries reach a
 * replica one transaction at a time in an order the test chooses, so a property can be
 * checked after every single one.
 */
import { completionOf, reversalOf } from './exchange-records';
import { addTransaction } from './fold';
import { isStampedAhead, StampSource } from './ids';
import { counterpartyOf } from './parties';
import { preflight } from './preflight';
import { createState, type BankState, type Exchange } from './state';
import { makeTransaction, txIdOf, type Actor, type Transaction, type TransactionFields } from './transactions';

export const NETWORK_LIBRARIES = ['stange', 'tolga', 'hamar', 'eidskog'] as const;
const COUNTY: Actor = { library: 'fylkesbiblioteket', role: 'county' };
const DAY = 86_400_000;
const WEEK = { from: '2026-05-04', to: '2026-05-05' };

export interface DeviceSpec {
	/** Index into NETWORK_LIBRARIES, or -1 for the county's device. */
	library: number;
	/** How wrong its wall clock is, in ms (a tablet reset to a factory date: minus a year). */
	clockError: number;
	online: boolean;
}

export interface SimDevice {
	id: string;
	actor: Actor;
	clockError: number;
	online: boolean;
	stamps: StampSource;
	known: Map<string, Transaction>;
	state: BankState;
	/** Its own writes the server has not taken yet (or refused: stamped too far ahead). */
	outbox: Transaction[];
}

export type Step =
	| { op: 'act'; device: number; roll: number; pick: number }
	| { op: 'sync'; device: number; order: number }
	| { op: 'toggle'; device: number }
	| { op: 'wait'; minutes: number };

/** What a replica showed before a delivery, to compare with what it shows after. */
export interface Before {
	/** Standing confirmations: completion id → exchange, parties and days. */
	credits: Map<string, { exchange: string; provider: string; host: string; days: number }>;
	/** Agreements and confirmed exchanges: exchange id → status. */
	agreed: Map<string, Exchange['status']>;
}

export type Delivery = (device: SimDevice, tx: Transaction, before: Before) => void;

export function summarize(state: BankState): Before {
	const credits: Before['credits'] = new Map();
	const agreed: Before['agreed'] = new Map();
	for (const e of state.exchanges.values()) {
		if (e.status === 'accepted' || e.status === 'completed') agreed.set(e.id, e.status);
		for (const c of e.completions) if (!c.reversedBy) credits.set(c.tx, { exchange: e.id, provider: e.provider, host: e.host, days: c.days });
	}
	return { credits, agreed };
}

export class Network {
	readonly devices: SimDevice[];
	readonly server = new Map<string, Transaction>();
	now = Date.UTC(2026, 2, 2, 7);
	/** Libraries with a device that wrote while it could not see the others' writes. */
	readonly partitioned = new Set<string>();
	refusedByServer = 0;
	writes = 0;

	constructor(specs: DeviceSpec[]) {
		this.devices = specs.map((spec, i) => {
			const library = spec.library < 0 ? COUNTY.library : NETWORK_LIBRARIES[spec.library % NETWORK_LIBRARIES.length]!;
			const actor = spec.library < 0 ? COUNTY : { library };
			return { id: `dev${i}${library}`.slice(0, 24), actor, clockError: spec.clockError, online: spec.online, stamps: new StampSource(`dev${i}${library}`.slice(0, 24).padEnd(8, '0')), known: new Map(), state: createState(), outbox: [] };
		});
	}

	run(step: Step, deliver: Delivery): void {
		if (step.op === 'wait') this.now += step.minutes * 60_000;
		else {
			const device = this.devices[step.device % this.devices.length]!;
			if (step.op === 'toggle') device.online = !device.online;
			else if (step.op === 'sync') this.sync(device, step.order, deliver);
			else this.act(device, step.roll, step.pick, deliver);
		}
		this.now += 60_000;
	}

	/** Pushes what the device wrote, then delivers everything it lacks, one at a time. */
	sync(device: SimDevice, order: number, deliver: Delivery): void {
		if (!device.online) return;
		const kept: Transaction[] = [];
		for (const tx of device.outbox) {
			if (isStampedAhead(txIdOf(tx), this.now)) {
				kept.push(tx);
				this.refusedByServer += 1;
			} else this.server.set(txIdOf(tx), tx);
		}
		device.outbox = kept;
		const missing = [...this.server.values()].filter((tx) => !device.known.has(txIdOf(tx)));
		shuffle(missing, order);
		for (const tx of missing) this.receive(device, tx, deliver);
	}

	/** The replica adds the transaction to its state in place, in arrival order, as the projector does. */
	receive(device: SimDevice, tx: Transaction, deliver: Delivery): void {
		const before = summarize(device.state);
		device.known.set(txIdOf(tx), tx);
		addTransaction(device.state, tx);
		device.stamps.observe(txIdOf(tx), this.now + device.clockError);
		deliver(device, tx, before);
	}

	act(device: SimDevice, roll: number, pick: number, deliver: Delivery): void {
		const fields = chooseAct(device, roll, pick);
		if (!fields || preflight(device.state, device.actor, fields)) return;
		const tx = makeTransaction(device.stamps.next(this.now + device.clockError), { ...fields, by: device.actor } as Omit<Transaction, '_id' | 'type'>) as Transaction;
		this.writes += 1;
		const library = device.actor.library;
		const behind = [...this.server.keys()].some((id) => !device.known.has(id)) || this.devices.some((d) => d !== device && d.actor.library === library && d.outbox.length > 0);
		if (!device.online || behind) this.partitioned.add(library);
		device.outbox.push(tx);
		this.receive(device, tx, deliver);
		if (device.online) this.sync(device, pick, deliver);
	}
}

function shuffle<T>(list: T[], seed: number): void {
	let s = seed >>> 0 || 1;
	for (let i = list.length - 1; i > 0; i--) {
		s = (Math.imul(s, 1103515245) + 12345) >>> 0;
		const j = s % (i + 1);
		[list[i], list[j]] = [list[j]!, list[i]!];
	}
}

function pickOf<T>(items: T[], pick: number): T | undefined {
	return items.length ? items[pick % items.length] : undefined;
}

const TRAVEL = { km: 30, tolls: 0, meals: 0 };

/**
 * What a librarian does next: mostly what waits on the overview (answer a proposal, confirm a
 * visit, resolve a collision), otherwise something new (post, answer, propose).
 */
function chooseAct(device: SimDevice, roll: number, pick: number): TransactionFields | undefined {
	const state = device.state;
	const me = device.actor.library;
	const exchanges = [...state.exchanges.values()];
	const mine = (e: Exchange) => e.host === me || e.provider === me;
	if (device.actor.role === 'county') {
		if (roll < 0.3) return { kind: 'policy.set', creditLimit: 1 + (pick % 4), travelRatePerKm: 4.5, mealAllowance: 200 };
		const completed = pickOf(exchanges.filter((e) => e.status === 'completed'), pick);
		return completed && reversalOf(completed, 'Korrigering');
	}
	const of = (suits: (e: Exchange) => boolean) => pickOf(exchanges.filter(suits), pick);
	if (roll < 0.06) {
		const colliding = of((e) => e.status === 'accepted' && e.collisions.length > 0 && mine(e));
		return colliding && { kind: 'exchange.released', exchange: colliding.id, reason: 'Kolliderte' };
	}
	if (roll < 0.26) {
		const toAnswer = of((e) => e.status === 'proposed' && counterpartyOf(e) === me);
		return toAnswer && { kind: pick % 6 === 0 ? 'exchange.declined' : 'exchange.accepted', exchange: toAnswer.id };
	}
	if (roll < 0.42) {
		const toConfirm = of((e) => e.status === 'accepted' && e.host === me);
		return toConfirm && completionOf(toConfirm, pick % 3 === 0 ? Math.max(0.5, toConfirm.days - 0.5) : toConfirm.days, TRAVEL);
	}
	if (roll < 0.45) {
		const own = of((e) => e.status === 'proposed' && e.proposedBy === me);
		return own && { kind: 'exchange.withdrawn', exchange: own.id };
	}
	if (roll < 0.48) {
		const agreed = of((e) => e.status === 'accepted' && mine(e));
		return agreed && { kind: 'exchange.cancelled', exchange: agreed.id, reason: 'Syk' };
	}
	if (roll < 0.58) return { kind: 'offer.posted', skills: ['cataloguing'], description: 'Katalog', days: 1 + (pick % 3), dates: [] };
	if (roll < 0.72) return { kind: 'request.posted', skills: ['front-desk'], description: 'Skranke', days: 1, dates: [], urgency: pick % 2 ? 'urgent' : 'planned' };
	if (roll < 0.88) {
		const request = pickOf([...state.requests.values()].filter((r) => r.status === 'open' && r.library !== me), pick);
		return request && { kind: 'request.answered', request: request.id, days: request.days };
	}
	const offer = pickOf([...state.offers.values()].filter((o) => o.status === 'open' && o.library !== me), pick);
	return offer && { kind: 'exchange.proposed', offer: offer.id, days: 1, dates: WEEK };
}

export const ONE_YEAR = 365 * DAY;
