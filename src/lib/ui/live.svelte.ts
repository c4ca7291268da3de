/**
 * A Dexie live query as Svelte state: re-runs whenever the tables it read change, so a page
 * updates itself when sync brings news. Create it while a component initialises. `deps` reads
 * the Svelte state the query depends on (a route parameter, a chosen year): the query itself
 * runs later, outside the effect, so Svelte cannot see what it reads.
 */
import { liveQuery } from 'dexie';

export class Live<T> {
	// Raw: a result is replaced whole on every re-run and never changed in place, so deep
	// proxies (one per row, on every read) would only cost time and memory.
	current = $state.raw<T | undefined>(undefined);
	error = $state<unknown>(undefined);

	constructor(query: () => Promise<T> | T, deps?: () => unknown) {
		$effect(() => {
			deps?.();
			const subscription = liveQuery(query).subscribe({
				next: (value) => {
					this.current = value;
				},
				error: (error) => {
					this.error = error;
				}
			});
			return () => subscription.unsubscribe();
		});
	}
}
