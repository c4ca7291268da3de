/**
 * The ledger is derived, never stored: a confirmed exchange credits the provider and debits
 * the host by the days worked, and a reversal posts the opposite. Every entry comes in a pair
 * that sums to zero, so the sum of all balances is always zero.
 */
import type { BankState, Completion, Exchange, LedgerEntry } from './state';

export function balanceOf(state: BankState, library: string): number {
	return state.balances.get(library) ?? 0;
}

export function committedOf(state: BankState, library: string): number {
	return state.committed.get(library) ?? 0;
}

export function reservedOf(state: BankState, library: string): number {
	return state.reserved.get(library) ?? 0;
}

/** What a library could still agree to: its balance, less open agreements, down to the credit limit. */
export function availableOf(state: BankState, library: string): number {
	return balanceOf(state, library) - committedOf(state, library) + state.policy.creditLimit;
}

/** The same, less what its own unanswered proposals have reserved: what a new agreement may use. */
export function availableForNew(state: BankState, library: string): number {
	return availableOf(state, library) - reservedOf(state, library);
}

export function completionEntries(exchange: Exchange, completion: Completion): LedgerEntry[] {
	// Literals in one field order, not spreads: every entry then shares one hidden class, which
	// the full fold of a county (two entries per confirmed visit) measurably feels.
	return [
		{ tx: completion.tx, exchange: exchange.id, library: exchange.provider, counterparty: exchange.host, delta: completion.days, kind: 'credit' },
		{ tx: completion.tx, exchange: exchange.id, library: exchange.host, counterparty: exchange.provider, delta: -completion.days, kind: 'debit' }
	];
}

/** Undoes exactly what the completion posted; both entries stay in the statements. */
export function reversalEntries(exchange: Exchange, completion: Completion, reversal: string): LedgerEntry[] {
	return [
		{ tx: reversal, exchange: exchange.id, library: exchange.provider, counterparty: exchange.host, delta: -completion.days, kind: 'reversal' },
		{ tx: reversal, exchange: exchange.id, library: exchange.host, counterparty: exchange.provider, delta: completion.days, kind: 'reversal' }
	];
}

export function entryKey(entry: Pick<LedgerEntry, 'tx' | 'library'>): string {
	return `${entry.tx}/${entry.library}`;
}

function adjust(state: BankState, library: string, delta: number): void {
	const next = balanceOf(state, library) + delta;
	if (next === 0) state.balances.delete(library);
	else state.balances.set(library, next);
}

export function addEntries(state: BankState, entries: LedgerEntry[]): void {
	for (const entry of entries) {
		state.entries.set(entryKey(entry), entry);
		adjust(state, entry.library, entry.delta);
	}
}

export function removeEntries(state: BankState, entries: LedgerEntry[]): void {
	for (const entry of entries) {
		if (state.entries.delete(entryKey(entry))) adjust(state, entry.library, -entry.delta);
	}
}

export interface StatementLine extends LedgerEntry {
	/** The balance after this entry, entries taken in id order. */
	balance: number;
}

/** A library's statement in id order, with the running balance. */
export function statementOf(state: BankState, library: string): StatementLine[] {
	const mine = [...state.entries.values()].filter((entry) => entry.library === library);
	return runningBalances(mine);
}

export function runningBalances(entries: LedgerEntry[]): StatementLine[] {
	const sorted = [...entries].sort((a, b) => (a.tx < b.tx ? -1 : a.tx > b.tx ? 1 : 0));
	let balance = 0;
	return sorted.map((entry) => ({ ...entry, balance: (balance += entry.delta) }));
}

export function totalOfBalances(state: BankState): number {
	let sum = 0;
	for (const balance of state.balances.values()) sum += balance;
	return sum;
}
