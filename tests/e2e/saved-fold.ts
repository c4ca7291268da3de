import type { Page } from '@playwright/test';

/**
 * The sequence of the saved fold, when it is the fold the read model's rows show; null while
 * there is none (the projector saves after a quiet spell). Shared by the warm-start spec and
 * the warm-start benchmark.
 */
export function savedFold(page: Page, readModel = 'byttebank-view-hamar'): Promise<number | null> {
	return page.evaluate(
		(name) =>
			new Promise<number | null>((done) => {
				const open = indexedDB.open(name);
				open.onerror = () => done(null);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('snapshots')) return (db.close(), done(null));
					const store = db.transaction('snapshots').objectStore('snapshots');
					const head = store.get('head');
					const written = store.get('written');
					store.transaction.oncomplete = () => {
						db.close();
						done(head.result && written.result && head.result.seq === written.result.seq ? head.result.seq : null);
					};
				};
			}),
		readModel
	);
}
