/** The county's rules of the bank; changed only by `policy.set` transactions. */
export interface Policy {
	/** How many days below zero a library may go. */
	creditLimit: number;
	/** Travel reimbursement per km, in the county's currency. */
	travelRatePerKm: number;
	/** Allowance per day of meals, in the county's currency. */
	mealAllowance: number;
	/** The transaction that set it; null for the defaults. */
	setBy: string | null;
}

export const DEFAULT_POLICY: Policy = {
	creditLimit: 5,
	travelRatePerKm: 4.5,
	mealAllowance: 200,
	setBy: null
};
