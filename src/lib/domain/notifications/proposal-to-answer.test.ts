import { describe, expect, it } from 'vitest';
import { aWeek, idOf, TransactionWriter } from '../test-transactions';
import { proposalToAnswerNotices } from './proposal-to-answer';
import { contextOf, osloNoon } from './test-county';

describe('a proposal to answer', () => {
	it('goes to the library that did not make it, at its shared address when it has one', () => {
		const w = new TransactionWriter();
		const offer = w.write('offer.posted', 'os', { skills: ['cataloguing'], description: 'Ola katalogiserer', days: 2, dates: [] });
		const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: aWeek });
		const notices = proposalToAnswerNotices(contextOf([offer, proposal], osloNoon('2026-01-12')));
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatchObject({ kind: 'proposal-to-answer', urgency: 'normal', to: { address: 'post@os.example', library: 'os' }, link: `/exchanges/${idOf(proposal)}` });
		expect(notices[0]!.params).toMatchObject({ other: 'Tolga bibliotek', description: 'Ola katalogiserer', days: 1 });
	});

	it('reaches every person of a library without a shared address, urgently for an answer to an urgent request', () => {
		const w = new TransactionWriter();
		const request = w.write('request.posted', 'hamar', { skills: ['events'], description: 'Forfatterkveld', days: 1, dates: [aWeek], urgency: 'urgent' });
		const answer = w.write('request.answered', 'os', { request: idOf(request), days: 1 });
		const notices = proposalToAnswerNotices(contextOf([request, answer], osloNoon('2026-01-12')));
		expect(notices.map((n) => n.to.address).sort()).toEqual(['hanne@hamar.example', 'hans@hamar.example', 'hege@hamar.example']);
		expect(notices.every((n) => n.urgency === 'urgent')).toBe(true);
	});

	it('stops once it is answered', () => {
		const w = new TransactionWriter();
		const offer = w.write('offer.posted', 'os', { skills: ['cataloguing'], description: 'Ola', days: 2, dates: [] });
		const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: aWeek });
		const declined = w.write('exchange.declined', 'os', { exchange: idOf(proposal) });
		expect(proposalToAnswerNotices(contextOf([offer, proposal, declined], osloNoon('2026-01-12')))).toEqual([]);
	});

	it('says nothing once the proposal has lapsed unanswered (14 days)', () => {
		const w = new TransactionWriter();
		const offer = w.write('offer.posted', 'os', { skills: ['cataloguing'], description: 'Ola', days: 2, dates: [] });
		const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: aWeek });
		expect(proposalToAnswerNotices(contextOf([offer, proposal], osloNoon('2026-01-18')))).toHaveLength(1);
		expect(proposalToAnswerNotices(contextOf([offer, proposal], osloNoon('2026-01-20')))).toEqual([]);
	});
});
