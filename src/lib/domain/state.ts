/** The state every replica derives from the same transactions: see fold.ts. */
import { DEFAULT_POLICY, type Policy } from './policy';
import type { Rejection } from './rejection';
import type { DateWindow, Transaction, Travel } from './transactions';

export type OfferStatus = 'open' | 'paused' | 'taken' | 'withdrawn';
export type RequestStatus = 'open' | 'filled' | 'withdrawn';
/**
 * proposed → accepted → completed (→ reversed by the county); a proposal may instead be
 * declined or withdrawn, an agreement cancelled or released (to resolve a collision).
 */
export type ExchangeStatus = 'proposed' | 'accepted' | 'declined' | 'withdrawn' | 'cancelled' | 'released' | 'completed' | 'reversed';

/**
 * Agreements that cannot all hold as made. None is decided by whose clock was earlier: every
 * exchange involved carries the code, both parties see it, and people resolve it.
 * - request-double: a request has more than one agreement (two libraries believe they are coming);
 * - over-limit: the host's open agreements together pass its credit limit;
 * - offer-overbooked: an offer's agreements promise more days than it has;
 * - confirmed-twice: the host confirmed the same visit more than once (the county reverses one).
 */
export type CollisionCode = 'request-double' | 'over-limit' | 'offer-overbooked' | 'confirmed-twice';

export interface Offer {
	id: string;
	library: string;
	person?: string;
	skills: string[];
	description: string;
	days: number;
	/** Days promised to agreed or completed exchanges. */
	daysTaken: number;
	dates: DateWindow[];
	maxTravelKm?: number;
	status: OfferStatus;
	updated: string;
}

export interface Request {
	id: string;
	library: string;
	person?: string;
	skills: string[];
	description: string;
	days: number;
	dates: DateWindow[];
	urgency: 'planned' | 'urgent';
	status: RequestStatus;
	/** The agreement that filled it (the earliest if, in a collision, there are several). */
	filledBy?: string;
	updated: string;
}

/** What a visitor or host learned from a visit, for all members to read. */
export interface VisitReport {
	tx: string;
	library: string;
	done: string;
	learned?: string;
	tips?: string;
}

/** A host's confirmation of days worked, as it stands in the ledger. */
export interface Completion {
	tx: string;
	days: number;
	travel: Travel;
	/** The county's reversal that undid it. */
	reversedBy?: string;
}

/** How an exchange that did not go ahead ended, and who ended it. */
export interface Ending {
	tx: string;
	kind: 'declined' | 'withdrawn' | 'cancelled' | 'released';
	by: string;
	reason?: string;
	/** For a release: the agreement kept instead. */
	kept?: string;
}

export interface Exchange {
	id: string;
	source: { offer: string } | { request: string };
	/** The skills of the offer or request it came from, for browsing reports by skill. */
	skills: string[];
	/** The library whose librarian travels and works: it earns the days. */
	provider: string;
	/** The library that receives the help: it pays the days. */
	host: string;
	proposedBy: string;
	days: number;
	dates?: DateWindow;
	/** A note sent with an answer to a request. */
	note?: string;
	status: ExchangeStatus;
	/** The acceptance that made it an agreement (the earliest, if the counterparty accepted twice). */
	agreedBy?: string;
	ending?: Ending;
	/** Every confirmation of days by the host, in id order; reversed ones stay, marked. */
	completions: Completion[];
	/** The first standing confirmation: what the pages show as the days worked and travel. */
	completion?: string;
	daysWorked?: number;
	travel?: Travel;
	/** The county's transaction marking the travel claim paid. */
	travelPaid?: string;
	/** Why it was declined, withdrawn, cancelled, released or reversed. */
	reason?: string;
	reports: VisitReport[];
	collisions: CollisionCode[];
	/** Every transaction about it that took part, in id order. */
	history: string[];
	updated: string;
}

export interface LedgerEntry {
	tx: string;
	exchange: string;
	library: string;
	counterparty: string;
	/** Positive: days earned; negative: days spent. */
	delta: number;
	kind: 'credit' | 'debit' | 'reversal';
}

/** The facts about one exchange, from which its status is settled (exchange-settle.ts). */
export interface ExchangeFacts {
	acceptances: Transaction[];
	declines: Transaction[];
	withdrawals: Transaction[];
	cancellations: Transaction[];
	releases: Transaction[];
	completions: Array<Extract<Transaction, { kind: 'exchange.completed' }>>;
	reversals: Array<Extract<Transaction, { kind: 'exchange.reversed' }>>;
	reports: Array<Extract<Transaction, { kind: 'exchange.reported' }>>;
	/** The county's marks that the travel claim is paid (each may name several exchanges). */
	travelPaid: Array<Extract<Transaction, { kind: 'travel.paid' }>>;
}

/** What an exchange adds to the totals, kept so that settling it again can take it back first. */
export interface Contribution {
	/** Days the host has agreed to and not yet been charged (an open agreement). */
	committed: number;
	/** Days the host reserved by proposing, not yet answered. */
	reserved: number;
	/** Days taken from the offer it came from. */
	taken: number;
	/** Counts as an agreement of the request it answered. */
	fills: boolean;
	entries: LedgerEntry[];
}

export interface BankState {
	policy: Policy;
	offers: Map<string, Offer>;
	requests: Map<string, Request>;
	exchanges: Map<string, Exchange>;
	balances: Map<string, number>;
	/** Days each host has agreed to but not yet been charged for (open agreements). */
	committed: Map<string, number>;
	/** Days each host has asked for in proposals nobody has answered yet. */
	reserved: Map<string, number>;
	/** Ledger entries by `<tx>/<library>`; statements sort them (ledger.ts). */
	entries: Map<string, LedgerEntry>;
	rejected: Map<string, Rejection>;
	/** The highest transaction id folded (for display: "up to date to ..."). */
	lastId: string;
	count: number;
	/** Internals of the incremental fold, not for pages. */
	index: FoldIndex;
}

export interface FoldIndex {
	seen: Set<string>;
	facts: Map<string, ExchangeFacts>;
	contributions: Map<string, Contribution>;
	/** Transactions whose offer, request or exchange has not arrived yet, by that id. */
	waiting: Map<string, Transaction[]>;
	/** Exchanges by the offer or request they came from, and open agreements by host. */
	bySource: Map<string, Set<string>>;
	openByHost: Map<string, Set<string>>;
	/** The newest owner edit applied to each offer or request, and the newest pause/resume. */
	termsBy: Map<string, string>;
	pausedBy: Map<string, { id: string; paused: boolean }>;
	withdrawn: Map<string, string>;
	/** While a whole set is folded: exchanges to settle once at the end (exchange-settle.ts). */
	batch: Set<string> | null;
}

/**
 * The version of what a fold keeps in BankState (its fields and what the rules put in them).
 * A saved fold (store/projection-snapshot.ts) from another version is thrown away and the
 * transactions folded again, so raise it whenever a rule or the state's shape changes what a
 * fold of the same transactions holds.
 */
export const STATE_FORMAT = 1;

export function createState(): BankState {
	return {
		policy: { ...DEFAULT_POLICY },
		offers: new Map(),
		requests: new Map(),
		exchanges: new Map(),
		balances: new Map(),
		committed: new Map(),
		reserved: new Map(),
		entries: new Map(),
		rejected: new Map(),
		lastId: '',
		count: 0,
		index: {
			seen: new Set(),
			facts: new Map(),
			contributions: new Map(),
			waiting: new Map(),
			bySource: new Map(),
			openByHost: new Map(),
			termsBy: new Map(),
			pausedBy: new Map(),
			withdrawn: new Map(),
			batch: null
		}
	};
}
