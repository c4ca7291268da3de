/**
 * What the worker must remember across a crash, in one small JSON file in the data folder,
 * written whole to a temporary file and renamed over the old one (a rename is atomic): the feed
 * position, the outbox of notices decided but not yet delivered, the keys already sent, and
 * the addresses that bounced or unsubscribed. The feed position and the outbox are saved in the
 * same write, so a notice is never decided without being queued, nor queued twice.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Notice } from '../../src/lib/domain/notifications/notice';
import type { PushDevice } from './push-devices';

export interface OutboxItem {
	notice: Notice;
	/** Not to be sent before (the sending window, or the next retry). */
	notBefore: number;
	attempts: number;
	lastError?: string;
}

export interface SentRecord {
	at: number;
	/**
	 * delivered: the SMTP server accepted it; baseline: true when the worker first started, so
	 * not news; suppressed: the address had bounced or unsubscribed; stale: no longer true when
	 * its window opened; declined: the person chose never to hear of this kind; held: kept for
	 * the person's weekly digest (in `held` until the digest takes it); nothing: a weekly digest
	 * with nothing new, nothing waiting and nothing held, so not sent.
	 */
	how: 'delivered' | 'baseline' | 'suppressed' | 'stale' | 'declined' | 'held' | 'nothing';
}

export interface NotifierMemory {
	version: 1;
	/** The last `_changes` position whose notices are decided; null before the first start's catch-up. */
	seq: string | number | null;
	outbox: OutboxItem[];
	sent: Record<string, SentRecord>;
	bounced: Record<string, { at: number; reason: string }>;
	unsubscribed: Record<string, { at: number }>;
	/** Notices their people chose to read in the weekly digest, waiting for it (absent in older files). */
	held?: Notice[];
	/** The latest time the worker has acted on, which its clock does not step back behind (steady-clock.ts). */
	clock?: number;
	/** Devices that take push messages, by endpoint (push-devices.ts). */
	push?: Record<string, PushDevice>;
	/** `<what is told>>endpoint` → when it was pushed: each thing once per device. */
	pushed?: Record<string, number>;
	/**
	 * Endpoints a push service said are gone (404/410), and when. A browser still holding one
	 * is told so when it sends it again, rather than being taken and showing "on" for a device
	 * nothing can reach.
	 */
	gonePush?: Record<string, number>;
}

export function emptyMemory(): NotifierMemory {
	return { version: 1, seq: null, outbox: [], sent: {}, bounced: {}, unsubscribed: {} };
}

export class NotifierStore {
	memory: NotifierMemory;

	constructor(readonly file: string) {
		this.memory = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as NotifierMemory) : emptyMemory();
	}

	save(): void {
		mkdirSync(dirname(this.file), { recursive: true });
		const temporary = `${this.file}.${process.pid}.tmp`;
		const fd = openSync(temporary, 'w', 0o600);
		try {
			writeSync(fd, JSON.stringify(this.memory));
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temporary, this.file);
	}

	/** Whether a notice's key is already delivered, settled or waiting in the outbox. */
	knows(key: string): boolean {
		return key in this.memory.sent || this.memory.outbox.some((item) => item.notice.key === key);
	}

	isBlocked(address: string): boolean {
		const a = address.toLowerCase();
		return a in this.memory.bounced || a in this.memory.unsubscribed;
	}
}
