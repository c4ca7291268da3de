/** The state every replica derives from the same transactions: see fold.ts. */
import { DEFAULT_POLICY, type Policy } from './policy';
import type { Rejection } from './rejection';
import type { DateWindow, Travel } from './transactions';

export type OfferStatus = 'open' | 'paused' | 'taken' | 'withdrawn';
export type RequestStatus = 'open' | 'filled' | 'withdrawn';
export type ExchangeStatus = 'proposed' | 'accepted' | 'declined' | 'cancelled' | 'completed' | 'reversed';

export interface Offer {
	id: string;
	library: string;
	person?: string;
	skills: string[];
	description: string;
	days: number;
	/** Days promised to accepted or completed exchanges. */
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
	/** The exchange that filled it. */
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
	status: ExchangeStatus;
	daysWorked?: number;
	/** The transaction in which the host confirmed the days. */
	completion?: string;
	travel?: Travel;
	/** The county's transaction marking the travel claim paid. */
	travelPaid?: string;
	reason?: string;
	reports: VisitReport[];
	/** Every transaction that changed it, in order. */
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
	balance: number;
	kind: 'credit' | 'debit' | 'reversal';
}

export interface BankState {
	policy: Policy;
	offers: Map<string, Offer>;
	requests: Map<string, Request>;
	exchanges: Map<string, Exchange>;
	balances: Map<string, number>;
	/** Days each host has agreed to but not yet been charged for (accepted exchanges). */
	committed: Map<string, number>;
	entries: LedgerEntry[];
	rejected: Map<string, Rejection>;
	/** The highest transaction id applied; newer ones may be applied incrementally. */
	lastId: string;
	count: number;
}

export function createState(): BankState {
	return {
		policy: { ...DEFAULT_POLICY },
		offers: new Map(),
		requests: new Map(),
		exchanges: new Map(),
		balances: new Map(),
		committed: new Map(),
		entries: [],
		rejected: new Map(),
		lastId: '',
		count: 0
	};
}
