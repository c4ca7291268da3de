import { describe, expect, it } from 'vitest';
import { transactionTime } from '../ids';
import { aWeek, idOf, TransactionWriter } from '../test-transactions';
import { proposalUnansweredNotices, UNANSWERED_AFTER_MS } from './proposal-unanswered';
import { contextOf } from './test-county';

describe('a proposal unanswered for three days', () => {
	const w = new TransactionWriter();
	const offer = w.write('offer.posted', 'os', { skills: ['cataloguing'], description: 'Ola katalogiserer', days: 2, dates: [] });
	const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: aWeek });
	const made = transactionTime(idOf(proposal));

	it('reminds the library that must answer once three days have passed', () => {
		expect(proposalUnansweredNotices(contextOf([offer, proposal], made + UNANSWERED_AFTER_MS - 60_000))).toEqual([]);
		const notices = proposalUnansweredNotices(contextOf([offer, proposal], made + UNANSWERED_AFTER_MS));
		expect(notices.map((n) => [n.kind, n.to.address, n.at])).toEqual([['proposal-unanswered', 'post@os.example', made + UNANSWERED_AFTER_MS]]);
	});

	it('is not sent for a proposal answered in time', () => {
		const accepted = w.write('exchange.accepted', 'os', { exchange: idOf(proposal) });
		expect(proposalUnansweredNotices(contextOf([offer, proposal, accepted], made + 5 * UNANSWERED_AFTER_MS))).toEqual([]);
	});
});
