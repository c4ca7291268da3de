/**
 * Every write goes to the local replica first and shows at once; sync is never on the write
 * path. Documents are validated by the domain before they are written, so bad input writes
 * nothing and the form keeps what the user typed.
 */
import type { LibraryDoc, PersonDoc } from '$lib/domain/directory';
import type { TransactionIdSource } from '$lib/domain/ids';
import { makeTransaction, type Actor, type Transaction, type TransactionFields } from '$lib/domain/transactions';
import { validateLibrary, validatePerson, validateTransaction, type ValidationIssue } from '$lib/domain/validation';
import type { DeviceStore } from './device';
import type { Replica } from './replica';

export type WriteResult = { ok: true; id: string } | { ok: false; issues: ValidationIssue[] };
type Stored = Record<string, unknown> & { _id: string; _rev?: string };

export class BankWriter {
	constructor(
		private readonly replica: Replica,
		private readonly device: DeviceStore,
		private readonly ids: TransactionIdSource,
		private readonly actor: Actor,
		private readonly user: string
	) {}

	async #nextId(): Promise<string> {
		const id = this.ids.next();
		await this.device.saveClock(this.ids.clock);
		return id;
	}

	async #put(doc: Stored): Promise<void> {
		await this.device.outbox.put({ id: doc._id, user: this.user, at: Date.now() });
		await this.replica.put(doc);
	}

	async write(fields: TransactionFields): Promise<WriteResult> {
		const id = await this.#nextId();
		const doc = makeTransaction(id, { ...fields, by: this.actor } as Omit<Transaction, '_id' | 'type'>);
		const checked = validateTransaction(doc);
		if (!checked.ok) return checked;
		await this.#put(checked.value as unknown as Stored);
		return { ok: true, id };
	}

	/** Saves a library or person document; `updated` decides conflicts (highest wins). */
	async saveDirectory(doc: Omit<LibraryDoc, 'updated'> | Omit<PersonDoc, 'updated'>): Promise<WriteResult> {
		const current = await this.replica.get(doc._id).catch(() => undefined);
		const stamped = { ...doc, _rev: current?._rev, updated: await this.#nextId() };
		if (!stamped._rev) delete stamped._rev;
		const checked = doc.type === 'library' ? validateLibrary(stamped) : validatePerson(stamped);
		if (!checked.ok) return checked;
		await this.#put(checked.value as unknown as Stored);
		return { ok: true, id: doc._id };
	}

	/** Erases a directory document: the tombstone carries no personal data and replicates. */
	async erase(docId: string): Promise<void> {
		const current = await this.replica.get(docId);
		await this.device.outbox.put({ id: docId, user: this.user, at: Date.now() });
		await this.replica.remove(current);
	}

	/** A fresh id for a new directory document, e.g. person:hamar-k3x9q2. */
	newPersonId(library: string): string {
		return `person:${library}-${this.ids.next().slice(0, 9)}${this.ids.deviceId.slice(0, 4)}`;
	}
}
