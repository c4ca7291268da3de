import { describe, expect, it } from 'vitest';
import { agendaFor } from './agenda';
import { fold } from './fold';
import { hasLapsed, lapsesAt } from './lapse';
import { preflight } from './preflight';
import { idOf, TransactionWriter } from './test-transactions';

const DAY = 86_400_000;

// Tolga proposes to take Os's offer on 5 January 2026 (the writer's clock); nobody answers.
function unanswered() {
	const w = new TransactionWriter();
	const offer = w.write('offer.posted', 'os', { skills: ['cataloguing'], description: 'Ola katalogiserer', days: 3, dates: [] });
	const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: { from: '2026-02-02', to: '2026-02-02' } });
	const state = fold([offer, proposal]);
	return { w, offer, proposal, state, exchange: state.exchanges.get(idOf(proposal))! };
}

const agendaAt = (state: ReturnType<typeof fold>, library: string, now: number) =>
	agendaFor({ library, today: '2026-01-20', now, exchanges: [...state.exchanges.values()], requests: [], offerGroups: [], people: [], libraries: new Map() });

describe('a proposal left unanswered', () => {
	it('lapses 14 days after it was made, not a moment before', () => {
		const { exchange } = unanswered();
		expect(lapsesAt(exchange) - Date.UTC(2026, 0, 5, 8)).toBeGreaterThanOrEqual(14 * DAY);
		expect(hasLapsed(exchange, lapsesAt(exchange) - 1)).toBe(false);
		expect(hasLapsed(exchange, lapsesAt(exchange))).toBe(true);
	});

	it('never lapses once answered', () => {
		const { w, offer, proposal, exchange } = unanswered();
		const accepted = fold([offer, proposal, w.write('exchange.accepted', 'os', { exchange: idOf(proposal) })]).exchanges.get(exchange.id)!;
		expect(hasLapsed(accepted, lapsesAt(exchange) + 100 * DAY)).toBe(false);
	});

	it('leaves the agenda of both libraries for a list of its own, and is shown, not deleted', () => {
		const { state, exchange } = unanswered();
		const before = lapsesAt(exchange) - DAY;
		expect(agendaAt(state, 'os', before).toAnswer.map((e) => e.id)).toEqual([exchange.id]);
		expect(agendaAt(state, 'tolga', before).waitingForOthers.map((e) => e.id)).toEqual([exchange.id]);
		const after = lapsesAt(exchange) + DAY;
		for (const library of ['os', 'tolga']) {
			const agenda = agendaAt(state, library, after);
			expect(agenda.toAnswer).toEqual([]);
			expect(agenda.waitingForOthers).toEqual([]);
			expect(agenda.lapsed.map((e) => e.id)).toEqual([exchange.id]);
		}
		expect(agendaAt(state, 'os', after).count).toBe(0);
		expect(state.exchanges.get(exchange.id)!.status).toBe('proposed');
	});

	it('can no longer be accepted, but may still be declined by one side and withdrawn by the other', () => {
		const { state, exchange } = unanswered();
		const after = lapsesAt(exchange);
		expect(preflight(state, { library: 'os' }, { kind: 'exchange.accepted', exchange: exchange.id }, after)?.code).toBe('proposal-lapsed');
		expect(preflight(state, { library: 'os' }, { kind: 'exchange.accepted', exchange: exchange.id }, after - 1)).toBeUndefined();
		expect(preflight(state, { library: 'os' }, { kind: 'exchange.declined', exchange: exchange.id }, after)).toBeUndefined();
		expect(preflight(state, { library: 'tolga' }, { kind: 'exchange.withdrawn', exchange: exchange.id }, after)).toBeUndefined();
	});

	it('gives the host back the days its lapsed proposals reserved, for a new proposal', () => {
		const w = new TransactionWriter();
		const offer = w.write('offer.posted', 'os', { skills: ['cataloguing'], description: 'Ola katalogiserer', days: 20, dates: [] });
		// The credit limit is 5 days: Tolga reserves all five with one proposal, which nobody answers.
		const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 5, dates: { from: '2026-02-02', to: '2026-02-06' } });
		const state = fold([offer, proposal]);
		const again = { kind: 'exchange.proposed' as const, offer: idOf(offer), days: 5, dates: { from: '2026-03-02', to: '2026-03-06' } };
		const lapses = lapsesAt(state.exchanges.get(idOf(proposal))!);
		expect(preflight(state, { library: 'tolga' }, again, lapses - 1)?.code).toBe('over-limit');
		expect(preflight(state, { library: 'tolga' }, again, lapses)).toBeUndefined();
	});
});
