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

	constructor(
		private readonly countyDb: string,
		private readonly readModel: ReadModel,
		private readonly settled: () => Promise<void>
	) {}

	/** Safe to call often: one publication at a time, and only a changed list is written. */
	publish(): Promise<void> {
		this.#running ??= this.#publish().finally(() => (this.#running = undefined));
		return this.#running;
	}

	async #publish(): Promise<void> {
		await this.settled();
		const list = joinableLibraries(await this.readModel.libraries.toArray());
		const key = JSON.stringify(list);
		if (!list.length || key === this.#published) return;
		if (await publishJoinableLibraries(this.countyDb, list)) this.#published = key;
	}
}
