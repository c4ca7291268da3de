/**
 * One notice about an exchange to every recipient of one of its libraries, worded for that
 * library: the shape every exchange rule sends, so a rule says only when, to whom and how urgent.
 */
import type { Exchange, BankState } from '../state';
import { exchangeLink, exchangeWords } from './exchange-words';
import { noticeKey, type Directory, type Notice, type NoticeKind, type NoticeUrgency } from './notice';
import { libraryRecipients } from './recipients';

export interface ExchangeNotice {
	kind: NoticeKind;
	exchange: Exchange;
	/** The library told, whose point of view the words take. */
	library: string;
	urgency: NoticeUrgency;
	at: number;
	/** Tells the same exchange again when it changes (a reminder's stage, a new collision). */
	stage?: string;
	params?: Record<string, string | number>;
}

export function exchangeNotices(state: BankState, directory: Directory, n: ExchangeNotice): Notice[] {
	return libraryRecipients(directory, n.library).map((to) => ({
		key: noticeKey(n.kind, n.exchange.id, to.address, n.stage),
		kind: n.kind,
		to,
		urgency: n.urgency,
		link: exchangeLink(n.exchange),
		params: { ...exchangeWords(state, directory, n.exchange, n.library), ...n.params },
		at: n.at
	}));
}
