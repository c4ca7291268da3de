/**
 * Every write goes to the local replica first and shows at once; sync is never on the write
 * path. Documents are validated by the domain before they are written, and acts are checked
 * against what the device shows (domain/preflight.ts), so bad input or an act that cannot
 * stand writes nothing and the form keeps what the user typed.
 */
import type { LibraryDoc, PersonDoc } from '$lib/domain/directory';
import type { StampSource } from '$lib/domain/ids';
import { preflight } from '$lib/domain/preflight';
import type { Rejection } from '$lib/domain/rejection';
import type { BankState } from '$lib/domain/state';
import { makeTransaction, txIdOf, type Actor, type Transaction, type TransactionFields } from '$lib/domain/transactions';
import { validateLibrary, validatePerson, validateTransaction, type ValidationIssue } from '$lib/domain/validation';
import type { DeviceStore } from './device';
import type { Replica } from './replica';

/** Why nothing was written: fields that are wrong, or an act that cannot stand here and now. */
export type WriteResult = { ok: true; id: string } | { ok: false; issues: ValidationIssue[]; refusal?: Pick<Rejection, 'code' | 'params'> };
type Stored = Record<string, unknown> & { _id: string; _rev?: string };

export class BankWriter {
	constructor(
		/** The replica, once open (a warm start shows the pages before it is). */
		private readonly replicaOf: () => Promise<Replica>,
		private readonly device: DeviceStore,
		private readonly stamps: StampSource,
		private readonly actor: Actor,
		private readonly user: string,
		/**
		 * The state this device shows, to check an act against before writing it; after a warm
		 * start it resolves once the state has caught up with the replica.
		 */
		private readonly state: () => BankState | Promise<BankState>,
		private readonly stamped: (clockMs: number) => void = () => {}
	) {}

	/** The next stamp. The clock is saved with the write that uses it (#put), before the document. */
	#nextStamp(): string {
		const stamp = this.stamps.next();
		this.stamped(this.stamps.clock.ms);
		return stamp;
	}

	async #put(doc: Stored): Promise<void> {
		await this.device.recordWrite(this.stamps.clock, { id: doc._id, user: this.user, at: Date.now() });
		await (await this.replicaOf()).put(doc);
	}

	async write(fields: TransactionFields): Promise<WriteResult> {
		const refusal = preflight(await this.state(), this.actor, fields, Date.now());
		if (refusal) return { ok: false, issues: [], refusal: { code: refusal.code, params: refusal.params } };
		const doc = makeTransaction(this.#nextStamp(), { ...fields, by: this.actor } as Omit<Transaction, '_id' | 'type'>);
		const checked = validateTransaction(doc);
		if (!checked.ok) return checked;
		await this.#put(checked.value as unknown as Stored);
		return { ok: true, id: txIdOf(doc) };
	}

	/** Saves a library or person document; `updated` decides conflicts (highest wins). */
	async saveDirectory(doc: Omit<LibraryDoc, 'updated'> | Omit<PersonDoc, 'updated'>): Promise<WriteResult> {
		const current = await (await this.replicaOf()).get(doc._id).catch(() => undefined);
		const stamped = { ...doc, _rev: current?._rev, updated: this.#nextStamp() };
		if (!stamped._rev) delete stamped._rev;
		const checked = doc.type === 'library' ? validateLibrary(stamped) : validatePerson(stamped);
		if (!checked.ok) return checked;
		await this.#put(checked.value as unknown as Stored);
		return { ok: true, id: doc._id };
	}

	/** Erases a directory document: the tombstone carries no personal data and replicates. */
	async erase(docId: string): Promise<void> {
		const replica = await this.replicaOf();
		const current = await replica.get(docId);
		await this.device.outbox.put({ id: docId, user: this.user, at: Date.now() });
		await replica.remove(current);
	}

	/** A fresh id for a new directory document, e.g. person:hamar-k3x9q2. */
	newPersonId(library: string): string {
		return `person:${library}-${this.stamps.next().slice(0, 9)}${this.stamps.deviceId.slice(0, 4)}`;
	}
}
