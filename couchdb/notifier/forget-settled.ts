/**
 * The worker remembers every notice it settled (sent, declined, suppressed…) so that nothing is
 * told twice, every push per device, and the devices whose push service said they are gone.
 * Kept for ever, that memory grows with the county's whole history, and the file is rewritten
 * on every step. A notice that is no longer true is not decided again while it stays false, so
 * once it has been false and settled for FORGET_AFTER_DAYS its record goes. What is still true, queued or held for a digest is always
 * kept. Weekly digests and monthly summaries are keyed by their week and month, which only move
 * forward with the worker's steady clock, so a forgotten one is never due again.
 */
import type { NotifierMemory } from './notifier-store';

export const FORGET_AFTER_DAYS = 90;
const FORGET_AFTER_MS = FORGET_AFTER_DAYS * 86_400_000;

/** What a key tells, without to whom or to which device: the part before its first `>`. */
const toldIn = (key: string) => key.slice(0, key.indexOf('>'));

/** Drops old records of notices that are no longer true; returns how many went. */
export function forgetSettled(memory: NotifierMemory, currentKeys: ReadonlySet<string>, now: number): number {
	const keep = new Set(currentKeys);
	for (const item of memory.outbox) keep.add(item.notice.key);
	for (const notice of memory.held ?? []) keep.add(notice.key);
	const keepTold = new Set([...keep].map(toldIn));
	let forgotten = 0;
	for (const [key, record] of Object.entries(memory.sent)) {
		if (now - record.at < FORGET_AFTER_MS || keep.has(key)) continue;
		delete memory.sent[key];
		forgotten++;
	}
	for (const [key, at] of Object.entries(memory.pushed ?? {})) {
		if (now - at < FORGET_AFTER_MS || keepTold.has(toldIn(key))) continue;
		delete memory.pushed![key];
		forgotten++;
	}
	// A browser that still holds a dead subscription after three months is not coming back with it.
	for (const [endpoint, at] of Object.entries(memory.gonePush ?? {})) {
		if (now - at < FORGET_AFTER_MS) continue;
		delete memory.gonePush![endpoint];
		forgotten++;
	}
	return forgotten;
}
