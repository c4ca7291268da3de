/**
 * A Dexie live query as Svelte state: re-runs whenever the tables it read change, so a page
 * updates itself when sync brings news. Create it while a component initialises.
 */
import { liveQuery } from 'dexie';

export class Live<T> {
	current = $state<T | undefined>(undefined);
	error = $state<unknown>(undefined);

	constructor(query: () => Promise<T> | T) {
		$effect(() => {
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
