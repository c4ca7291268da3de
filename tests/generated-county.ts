/**
 * A county for benchmarks and browser tests at scale: the demo county's directory (libraries,
 * people, accounts, so the demo logins work) and a generated history in place of its own.
 */
import { buildDemoCounty } from '../couchdb/demo/seed';
import type { ProvisionPlan } from '../couchdb/provision';
import { generateHistory } from '../src/lib/domain/test-history';

function demoDirectory() {
	const demo = buildDemoCounty('byttebank');
	return { demo, directory: demo.documents.filter((d) => !d._id.startsWith('tx:')) };
}

/** The demo directory and `transactions` generated transactions. */
export function generatedCounty(transactions: number): ProvisionPlan {
	const { demo, directory } = demoDirectory();
	return { ...demo, documents: [...directory, ...generateHistory(transactions, 7)] as typeof demo.documents };
}

/** The same, with as many transactions as make `documents` documents in all. */
export function generatedCountyOfSize(documents: number): ProvisionPlan {
	return generatedCounty(documents - demoDirectory().directory.length);
}
