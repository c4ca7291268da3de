/**
 * Every write goes to the local replica first and shows at once; sync is never on the write
 * path. Documents are validated by the domain before they are written, so bad input writes
 * nothing and the form keeps what the user typed.
 */
import type { TransactionIdSource } from '$lib/domain/ids';
import { makeTransaction, type Actor, type Transaction, type TransactionFields } from '$lib/domain/transactions';
import { validateTransaction, type ValidationIssue } from '$lib/domain/validation';
import type { DeviceStore } from './device';
import type { Replica } from './replica';

export type WriteResult = { ok: true; id: string } | { ok: false; issues: ValidationIssue[] };

export class BankWriter {
	constructor(
		private readonly replica: Replica,
		private readonly device: DeviceStore,
		private readonly ids: TransactionIdSource,
		private readonly actor: Actor,
		private readonly user: string
	) {}

	async write(fields: TransactionFields): Promise<WriteResult> {
		const id = this.ids.next();
		const doc = makeTransaction(id, { ...fields, by: this.actor } as Omit<Transaction, '_id' | 'type'>);
		const checked = validateTransaction(doc);
		if (!checked.ok) return checked;
		await this.device.saveClock(this.ids.clock);
		await this.device.outbox.put({ id: doc._id, user: this.user, at: Date.now() });
		await this.replica.put(checked.value as unknown as Record<string, unknown> & { _id: string });
		return { ok: true, id };
	}
}
