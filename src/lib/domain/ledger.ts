/**
 * The ledger is derived, never stored: a completed exchange credits the provider and debits
 * the host by the days worked. The sum of all balances is therefore always zero.
 */
import { refuse } from './rejection';
import type { BankState, Exchange, LedgerEntry } from './state';

export function balanceOf(state: BankState, library: string): number {
	return state.balances.get(library) ?? 0;
}

export function committedOf(state: BankState, library: string): number {
	return state.committed.get(library) ?? 0;
}

/** What a library could still spend: its balance, less agreed days, down to the credit limit. */
export function availableOf(state: BankState, library: string): number {
	return balanceOf(state, library) - committedOf(state, library) + state.policy.creditLimit;
}

/** Refuses an agreement that would take the host below the county's credit limit. */
export function assertWithinLimit(state: BankState, host: string, days: number): void {
	if (availableOf(state, host) < days) {
		refuse('over-limit', {
			library: host,
			limit: state.policy.creditLimit,
			available: Math.max(0, availableOf(state, host))
		});
	}
}

export function commit(state: BankState, host: string, days: number): void {
	state.committed.set(host, committedOf(state, host) + days);
}

export function release(state: BankState, host: string, days: number): void {
	state.committed.set(host, committedOf(state, host) - days);
}

function post(state: BankState, tx: string, exchange: Exchange, library: string, counterparty: string, delta: number, kind: LedgerEntry['kind']): void {
	const balance = balanceOf(state, library) + delta;
	state.balances.set(library, balance);
	state.entries.push({ tx, exchange: exchange.id, library, counterparty, delta, balance, kind });
}

export function postCompletion(state: BankState, tx: string, exchange: Exchange, days: number): void {
	post(state, tx, exchange, exchange.provider, exchange.host, days, 'credit');
	post(state, tx, exchange, exchange.host, exchange.provider, -days, 'debit');
}

/** Undoes exactly what the completion posted; both entries stay in the statements. */
export function postReversal(state: BankState, tx: string, exchange: Exchange, days: number): void {
	post(state, tx, exchange, exchange.provider, exchange.host, -days, 'reversal');
	post(state, tx, exchange, exchange.host, exchange.provider, days, 'reversal');
}

export function statementOf(state: BankState, library: string): LedgerEntry[] {
	return state.entries.filter((entry) => entry.library === library);
}

export function totalOfBalances(state: BankState): number {
	let sum = 0;
	for (const balance of state.balances.values()) sum += balance;
	return sum;
}
