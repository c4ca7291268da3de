/**
 * The county's app keeps the public list of libraries (for people asking to join) in step
 * with the directory: after each completed sync, once the read model has caught up, it
 * publishes the list if it changed since it last did.
 */
import { joinableLibraries } from '$lib/domain/membership';
import type { ReadModel } from '$lib/store/read-model';
import { publishJoinableLibraries } from '$lib/sync/public-directory';

export class DirectoryPublisher {
	#published = '';
	#running: Promise<void> | undefined;
	#again = false;

	constructor(
		private readonly countyDb: string,
		private readonly readModel: ReadModel,
		private readonly settled: () => Promise<void>
	) {}

	/**
	 * Safe to call often: one publication at a time, only a changed list is written, and a
	 * call made during a publication runs another one after it (the directory may have moved).
	 */
	publish(): Promise<void> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#publish().finally(() => {
			this.#running = undefined;
			if (this.#again) {
				this.#again = false;
				void this.publish();
			}
		});
		return this.#running;
	}

	async #publish(): Promise<void> {
		await this.settled();
		const list = joinableLibraries(await this.readModel.libraries.toArray());
		const key = JSON.stringify(list);
		// Never an empty list: a device that has not synced yet must not wipe the published one.
		if (!list.length || key === this.#published) return;
		if (await publishJoinableLibraries(this.countyDb, list)) this.#published = key;
	}
}
