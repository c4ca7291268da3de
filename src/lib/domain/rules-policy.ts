/** The county alone sets the credit limit and travel rates; its newest setting is in force. */
import { markAllHostCollisions } from './collisions';
import { refuse } from './rejection';
import type { BankState } from './state';
import type { TransactionOf } from './transactions';

export function policySet(state: BankState, id: string, tx: TransactionOf<'policy.set'>): void {
	if (tx.by.role !== 'county') refuse('county-only');
	if (state.policy.setBy !== null && state.policy.setBy > id) return;
	state.policy = {
		creditLimit: tx.creditLimit,
		travelRatePerKm: tx.travelRatePerKm,
		mealAllowance: tx.mealAllowance,
		setBy: id
	};
	markAllHostCollisions(state);
}
