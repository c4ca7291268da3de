/** The county alone sets the credit limit and travel rates. */
import { refuse } from './rejection';
import type { BankState } from './state';
import type { TransactionOf } from './transactions';

export function policySet(state: BankState, id: string, tx: TransactionOf<'policy.set'>): void {
	if (tx.by.role !== 'county') refuse('county-only');
	state.policy = {
		creditLimit: tx.creditLimit,
		travelRatePerKm: tx.travelRatePerKm,
		mealAllowance: tx.mealAllowance,
		setBy: id
	};
}
