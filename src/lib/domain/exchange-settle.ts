/**
 * Settles an exchange from everything said about it, by stage rather than by clock:
 *
 *   confirmed (by the host)  >  agreed (accepted)  >  ended as a proposal (declined, withdrawn)
 *   confirmed                >  ended as an agreement (cancelled, released)
 *
 * A confirmation therefore stands whatever arrives later, and only the county's reversal
 * (naming that confirmation) undoes it; every confirmation the host wrote counts, so two
 * devices confirming one visit offline are both in the ledger, marked for the county to
 * reverse one. An acceptance stands against a decline or withdrawal it crossed. Within one
 * stage the earliest id is shown as the reason (one library's own devices, or both parties
 * ending the same thing), which changes nothing in the ledger.
 *
 * The exchange's share of the totals is taken back and added again each time, so the totals
 * are always those of the current facts (state.index.contributions).
 */
import { markHostCollisions, markOfferCollisions, markRequestCollisions, setCollision } from './collisions';
import { addEntries, completionEntries, removeEntries, reversalEntries } from './ledger';
import { counterpartyOf } from './parties';
import type { RejectionCode, RejectionParams } from './rejection';
import { refusalOf, reject } from './rejection';
import { updateOfferStatus } from './rules-offers';
import type { BankState, Completion, Contribution, Ending, Exchange, ExchangeFacts } from './state';
import { txIdOf, type Transaction, type TransactionOf } from './transactions';

type Verdict = { code: RejectionCode; params?: RejectionParams } | null;

function endingOf(tx: Transaction | undefined): Ending | undefined {
	if (!tx) return undefined;
	const kind = tx.kind.slice('exchange.'.length) as Ending['kind'];
	const reason = 'reason' in tx ? tx.reason : undefined;
	const kept = tx.kind === 'exchange.released' ? tx.kept : undefined;
	return { tx: txIdOf(tx), kind, by: tx.by.library, ...(reason ? { reason } : {}), ...(kept ? { kept } : {}) };
}

function earliest(...lists: Transaction[][]): Transaction | undefined {
	let first: Transaction | undefined;
	for (const list of lists) if (list[0] && (!first || list[0]._id < first._id)) first = list[0];
	return first;
}

/** Which confirmations stand, and what each reversal does. */
function settleCompletions(facts: ExchangeFacts, agreed: boolean, verdicts: Map<string, Verdict>): Completion[] {
	if (!agreed) {
		for (const c of facts.completions) verdicts.set(txIdOf(c), { code: 'exchange-not-accepted' });
		for (const r of facts.reversals) verdicts.set(txIdOf(r), { code: 'exchange-not-completed', params: { status: 'proposed' } });
		return [];
	}
	const completions: Completion[] = facts.completions.map((c) => ({ tx: txIdOf(c), days: c.days, travel: { ...c.travel } }));
	for (const c of completions) verdicts.set(c.tx, null);
	for (const r of facts.reversals) {
		const target = completions.find((c) => c.tx === r.completion);
		let verdict: Verdict = null;
		if (!target) verdict = { code: 'exchange-not-completed', params: { status: 'accepted' } };
		else if (target.days !== r.days) verdict = { code: 'not-as-recorded' };
		else if (target.reversedBy) verdict = { code: 'duplicate' };
		else target.reversedBy = txIdOf(r);
		verdicts.set(txIdOf(r), verdict);
	}
	return completions;
}

function decide(exchange: Exchange, facts: ExchangeFacts): Map<string, Verdict> {
	const verdicts = new Map<string, Verdict>();
	const agreedBy = facts.acceptances[0];
	const completions = settleCompletions(facts, agreedBy !== undefined, verdicts);
	const standing = completions.filter((c) => !c.reversedBy);
	const proposalEnd = agreedBy ? undefined : earliest(facts.declines, facts.withdrawals);
	const agreementEnd = agreedBy && completions.length === 0 ? earliest(facts.cancellations, facts.releases) : undefined;
	const ending = endingOf(proposalEnd ?? agreementEnd);

	exchange.agreedBy = agreedBy ? txIdOf(agreedBy) : undefined;
	exchange.completions = completions;
	exchange.ending = ending;
	if (completions.length) exchange.status = standing.length ? 'completed' : 'reversed';
	else exchange.status = ending?.kind ?? (agreedBy ? 'accepted' : 'proposed');

	for (const a of facts.acceptances) verdicts.set(txIdOf(a), null);
	for (const tx of [...facts.declines, ...facts.withdrawals]) {
		const id = txIdOf(tx);
		if (agreedBy) verdicts.set(id, { code: 'exchange-accepted', params: { library: counterpartyOf(exchange) } });
		else verdicts.set(id, id === ending?.tx ? null : { code: 'exchange-not-proposed', params: { status: exchange.status } });
	}
	for (const tx of [...facts.cancellations, ...facts.releases]) {
		const id = txIdOf(tx);
		if (!agreedBy) verdicts.set(id, { code: 'exchange-not-accepted' });
		else if (completions.length) verdicts.set(id, { code: 'exchange-completed' });
		else verdicts.set(id, id === ending?.tx ? null : { code: 'exchange-not-active', params: { status: exchange.status } });
	}
	const reported = new Set<string>();
	for (const r of facts.reports) {
		if (!completions.length) verdicts.set(txIdOf(r), { code: 'exchange-not-completed', params: { status: exchange.status } });
		else if (reported.has(r.by.library)) verdicts.set(txIdOf(r), { code: 'report-exists' });
		else {
			reported.add(r.by.library);
			verdicts.set(txIdOf(r), null);
		}
	}
	return verdicts;
}

function describe(exchange: Exchange, facts: ExchangeFacts, verdicts: Map<string, Verdict>, travelPaid: string | undefined): void {
	const first = exchange.completions.find((c) => !c.reversedBy);
	exchange.completion = first?.tx;
	exchange.daysWorked = first?.days;
	exchange.travel = first ? { ...first.travel } : undefined;
	exchange.travelPaid = first ? travelPaid : undefined;
	const reversal = facts.reversals.find((r) => verdicts.get(txIdOf(r)) === null);
	exchange.reason = exchange.status === 'reversed' ? reversal?.reason : exchange.ending?.reason;
	exchange.reports = facts.reports
		.filter((r) => verdicts.get(txIdOf(r)) === null)
		.map((r) => ({ tx: txIdOf(r), library: r.by.library, done: r.done, learned: r.learned, tips: r.tips }));
	const history = [exchange.id, ...[...verdicts].filter(([, v]) => v === null).map(([id]) => id)];
	if (travelPaid && first) history.push(travelPaid);
	history.sort();
	exchange.history = history;
	exchange.updated = history[history.length - 1]!;
	setCollision(exchange, 'confirmed-twice', exchange.completions.filter((c) => !c.reversedBy).length > 1);
}

function contributionOf(exchange: Exchange): Contribution {
	const open = exchange.status === 'accepted';
	const agreed = open || exchange.status === 'completed';
	const entries = exchange.completions.flatMap((c) => [
		...completionEntries(exchange, c),
		...(c.reversedBy ? reversalEntries(exchange, c, c.reversedBy) : [])
	]);
	return {
		committed: open ? exchange.days : 0,
		reserved: exchange.status === 'proposed' && exchange.proposedBy === exchange.host ? exchange.days : 0,
		taken: 'offer' in exchange.source && agreed ? exchange.days : 0,
		fills: 'request' in exchange.source && agreed,
		entries
	};
}

function addTo(map: Map<string, number>, key: string, delta: number): void {
	if (delta === 0) return;
	const next = (map.get(key) ?? 0) + delta;
	if (next === 0) map.delete(key);
	else map.set(key, next);
}

function applyContribution(state: BankState, exchange: Exchange, c: Contribution, sign: 1 | -1): void {
	addTo(state.committed, exchange.host, sign * c.committed);
	addTo(state.reserved, exchange.host, sign * c.reserved);
	if ('offer' in exchange.source && c.taken) {
		const offer = state.offers.get(exchange.source.offer);
		if (offer) offer.daysTaken += sign * c.taken;
	}
	if (sign === 1) addEntries(state, c.entries);
	else removeEntries(state, c.entries);
	let open = state.index.openByHost.get(exchange.host);
	if (sign === 1 && c.committed) {
		if (!open) state.index.openByHost.set(exchange.host, (open = new Set()));
		open.add(exchange.id);
	} else if (sign === -1 && open?.delete(exchange.id)) {
		setCollision(exchange, 'over-limit', false);
		if (!open.size) state.index.openByHost.delete(exchange.host);
	}
}

function sourceId(exchange: Exchange): string {
	return 'offer' in exchange.source ? exchange.source.offer : exchange.source.request;
}

/**
 * Settles an exchange after a fact about it was added. While a whole set is being folded
 * (fold.ts), exchanges are only noted and settled once each at the end, which gives the same
 * state: settling reads only the facts, never the order they came in.
 */
export function settleExchange(state: BankState, exchange: Exchange): void {
	const batch = state.index.batch;
	if (batch) batch.add(exchange.id);
	else {
		settleAlone(state, exchange);
		markGroups(state, exchange);
	}
}

/** Settles every exchange noted during a batch, then measures each group they touch once. */
export function settleBatch(state: BankState): void {
	const batch = state.index.batch;
	if (!batch) return;
	state.index.batch = null;
	const exchanges = [...batch].map((id) => state.exchanges.get(id)!);
	for (const exchange of exchanges) settleAlone(state, exchange);
	const offers = new Set<string>();
	const requests = new Set<string>();
	const hosts = new Set<string>();
	for (const e of exchanges) {
		('offer' in e.source ? offers : requests).add('offer' in e.source ? e.source.offer : e.source.request);
		hosts.add(e.host).add(e.provider);
	}
	for (const id of offers) {
		const offer = state.offers.get(id);
		if (offer) {
			updateOfferStatus(state, offer);
			markOfferCollisions(state, offer);
		}
	}
	for (const id of requests) {
		const request = state.requests.get(id);
		if (request) markRequestCollisions(state, request);
	}
	for (const host of hosts) markHostCollisions(state, host);
}

function settleAlone(state: BankState, exchange: Exchange): void {
	const index = state.index;
	const facts = index.facts.get(exchange.id)!;
	const before = index.contributions.get(exchange.id);
	if (before) applyContribution(state, exchange, before, -1);

	const verdicts = decide(exchange, facts);
	const paid = facts.travelPaid[0];
	describe(exchange, facts, verdicts, paid ? txIdOf(paid) : undefined);
	for (const [id, verdict] of verdicts) {
		if (!verdict) state.rejected.delete(id);
		else state.rejected.set(id, { ...refusalOf(id, factById(facts, id)!), code: verdict.code, params: verdict.params ?? {} });
	}
	for (const tx of facts.travelPaid) judgeTravelPaid(state, tx);

	const after = contributionOf(exchange);
	index.contributions.set(exchange.id, after);
	applyContribution(state, exchange, after, 1);
	let group = index.bySource.get(sourceId(exchange));
	if (!group) index.bySource.set(sourceId(exchange), (group = new Set()));
	group.add(exchange.id);
}

function markGroups(state: BankState, exchange: Exchange): void {
	if ('offer' in exchange.source) {
		const offer = state.offers.get(exchange.source.offer);
		if (offer) {
			updateOfferStatus(state, offer);
			markOfferCollisions(state, offer);
		}
	} else {
		const request = state.requests.get(exchange.source.request);
		if (request) markRequestCollisions(state, request);
	}
	markHostCollisions(state, exchange.host);
	markHostCollisions(state, exchange.provider);
}

function factById(facts: ExchangeFacts, id: string): Transaction | undefined {
	const all: Transaction[][] = [facts.acceptances, facts.declines, facts.withdrawals, facts.cancellations, facts.releases, facts.completions, facts.reversals, facts.reports];
	for (const list of all) for (const tx of list) if (txIdOf(tx) === id) return tx;
	return undefined;
}

/** A travel mark is refused while any exchange it names is unknown or not confirmed. */
export function judgeTravelPaid(state: BankState, tx: TransactionOf<'travel.paid'>): void {
	const id = txIdOf(tx);
	for (const exchangeId of tx.exchanges) {
		const exchange = state.exchanges.get(exchangeId);
		if (!exchange) return reject(state, id, tx, 'exchange-unknown', { exchange: exchangeId });
		if (exchange.status !== 'completed') return reject(state, id, tx, 'exchange-not-completed', { status: exchange.status });
	}
	state.rejected.delete(id);
}
