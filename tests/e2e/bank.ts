/** Reads the county database as the server holds it, and folds it as any device would. */
import type { Page } from '@playwright/test';
import { fold } from '../../src/lib/domain/fold';
import type { Transaction } from '../../src/lib/domain/transactions';

export async function serverState(page: Page) {
	const rows = await page.evaluate(async () => {
		const response = await fetch('/db/byttebank/_all_docs?include_docs=true&startkey=%22tx%3A%22&endkey=%22tx%3A%EF%BF%B0%22', { credentials: 'same-origin' });
		return ((await response.json()) as { rows: Array<{ doc: unknown }> }).rows.map((r) => r.doc);
	});
	return fold(rows as Transaction[]);
}

/** The ids of the server's documents that start with `prefix` (people, libraries). */
export async function serverDocIds(page: Page, prefix: string): Promise<string[]> {
	return page.evaluate(async (prefix) => {
		const range = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(prefix + '\ufff0'))}`;
		const response = await fetch(`/db/byttebank/_all_docs?${range}`, { credentials: 'same-origin' });
		return ((await response.json()) as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
	}, prefix);
}

export function isoInDays(days: number): string {
	const d = new Date(Date.now() + days * 86_400_000);
	return d.toISOString().slice(0, 10);
}
