/**
 * Which libraries an exchange may concern on their overview, apart from agenda.ts so the read
 * model's projection can index it without taking the agenda's matching code into the first
 * page's JavaScript.
 */
import type { Exchange } from './state';

/**
 * The libraries on whose agenda an exchange may stand: both parties while it is open or marked
 * with a collision, and after it is completed each party that has not written its report. The
 * read model indexes it, so the overview reads a library's few live exchanges, not its history.
 */
export function agendaParties(exchange: Exchange): string[] {
	const parties = [exchange.provider, exchange.host];
	if (exchange.status === 'proposed' || exchange.status === 'accepted' || exchange.collisions.length > 0) return parties;
	if (exchange.status === 'completed') return parties.filter((library) => !exchange.reports.some((r) => r.library === library));
	return [];
}
