import { describe, expect, it } from 'vitest';
import { transactionTime } from '../ids';
import { aWeek, idOf, TransactionWriter } from '../test-transactions';
import { proposalAnsweredNotices } from './proposal-answered';
import { contextOf, osloNoon } from './test-county';

function proposed() {
	const w = new TransactionWriter();
	const offer = w.write('offer.posted', 'tolga', { skills: ['cataloguing'], description: 'Tove katalogiserer', days: 2, dates: [] });
	const proposal = w.write('exchange.proposed', 'os', { offer: idOf(offer), days: 1, dates: aWeek });
	return { w, offer, proposal };
}

describe('my proposal answered', () => {
	it('tells the proposer it was accepted, dated by the acceptance', () => {
		const { w, offer, proposal } = proposed();
		const accepted = w.write('exchange.accepted', 'tolga', { exchange: idOf(proposal) });
		const notices = proposalAnsweredNotices(contextOf([offer, proposal, accepted], osloNoon('2026-02-01')));
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatchObject({ kind: 'proposal-accepted', to: { address: 'post@os.example' }, at: transactionTime(idOf(accepted)) });
		expect(notices[0]!.params.other).toBe('Tolga bibliotek');
	});

	it('stays the same notice once the visit is confirmed, so it is not told twice', () => {
		const { w, offer, proposal } = proposed();
		const accepted = w.write('exchange.accepted', 'tolga', { exchange: idOf(proposal) });
		const before = proposalAnsweredNotices(contextOf([offer, proposal, accepted], osloNoon('2026-02-01')));
		const completed = w.write('exchange.completed', 'os', { exchange: idOf(proposal), provider: 'tolga', days: 1, travel: { km: 0, tolls: 0, meals: 0 } });
		const after = proposalAnsweredNotices(contextOf([offer, proposal, accepted, completed], osloNoon('2026-03-10')));
		expect(after.map((n) => n.key)).toEqual(before.map((n) => n.key));
	});

	it('tells the proposer it was declined, with the reason; nothing while it waits or when it withdrew', () => {
		const { w, offer, proposal } = proposed();
		expect(proposalAnsweredNotices(contextOf([offer, proposal], osloNoon('2026-02-01')))).toEqual([]);
		const declined = w.write('exchange.declined', 'tolga', { exchange: idOf(proposal), reason: 'Tove er på ferie' });
		const notices = proposalAnsweredNotices(contextOf([offer, proposal, declined], osloNoon('2026-02-01')));
		expect(notices.map((n) => [n.kind, n.to.address, n.params.reason])).toEqual([['proposal-declined', 'post@os.example', 'Tove er på ferie']]);
		const withdrawn = w.write('exchange.withdrawn', 'os', { exchange: idOf(proposal) });
		expect(proposalAnsweredNotices(contextOf([offer, proposal, withdrawn], osloNoon('2026-02-01')))).toEqual([]);
	});
});
