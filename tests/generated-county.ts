/**
 * A county for benchmarks and browser tests at scale: the demo county's directory (libraries,
 * people, accounts, so the demo logins work) and a generated history in place of its own.
 */
import { buildDemoCounty } from '../couchdb/demo/seed';
import type { ProvisionPlan } from '../couchdb/provision';
import { generateHistory } from '../src/lib/domain/test-history';
import type { Transaction } from '../src/lib/domain/transactions';

const isTransaction = (doc: { _id: string }) => doc._id.startsWith('tx:');

function withHistory(transactions: (directorySize: number) => number): ProvisionPlan {
	const demo = buildDemoCounty('byttebank');
	const directory = demo.documents.filter((d) => !isTransaction(d));
	return { ...demo, documents: [...directory, ...generateHistory(transactions(directory.length), 7)] as typeof demo.documents };
}

/** The demo directory and `transactions` generated transactions. */
export function generatedCounty(transactions: number): ProvisionPlan {
	return withHistory(() => transactions);
}

/** The same, with as many transactions as make `documents` documents in all. */
export function generatedCountyOfSize(documents: number): ProvisionPlan {
	return withHistory((directorySize) => documents - directorySize);
}

/** A county's transactions, as the fold takes them. */
export function transactionsOf(plan: ProvisionPlan): Transaction[] {
	return plan.documents.filter(isTransaction) as unknown as Transaction[];
}
