import { expect, test } from '@playwright/test';
import type { PersonDoc } from '../../src/lib/domain/directory';
import type { LibraryDoc } from '../../src/lib/domain/directory';
import { fold } from '../../src/lib/domain/fold';
import { deliveryOf } from '../../src/lib/domain/notifications/preferences';
import { weeklyDigestNotices } from '../../src/lib/domain/notifications/weekly-digest';
import type { Transaction } from '../../src/lib/domain/transactions';
import { composeMail } from '../../couchdb/notifier/compose';
import { loginAs } from './helpers';

test("a librarian turns off a colleague's urgent e-mails and picks English; the server's copy and the notifier follow it", async ({ page }) => {
	await loginAs(page, 'hamar');
	await page.goto('/settings');
	const choices = page.getByTestId('notice-choices');
	await expect(choices.getByRole('heading', { name: 'Varsler på e-post' })).toBeVisible();
	const personId = await choices.getByLabel('Person').inputValue();
	await choices.getByLabel('Haster: en forespørsel du kan hjelpe med').selectOption('never');
	await choices.getByTestId('notice-language').selectOption('en');
	await choices.getByRole('button', { name: 'Lagre valgene' }).click();
	await expect(choices.getByRole('status')).toContainText('Lagret');
	await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });

	// What the notifier reads: the person's document on the server.
	const doc = await page.evaluate(async (id) => (await fetch(`/db/byttebank/${encodeURIComponent(id)}`, { credentials: 'same-origin' })).json(), personId) as PersonDoc;
	expect(doc.notify).toEqual({ 'urgent-request': 'never' });
	expect(doc.locale).toBe('en');
	const directory = { libraries: new Map(), people: [doc] };
	const to = { address: doc.email ?? 'x@hamar.example', name: doc.name, library: 'hamar', person: doc._id, locale: doc.locale };
	const base = { key: 'k', to, urgency: 'normal' as const, link: '/exchanges/x', params: { answerer: 'Tolga bibliotek', description: 'Katalog', days: 1 }, at: 0 };
	expect(deliveryOf({ ...base, kind: 'urgent-request', urgency: 'urgent' }, directory)).toBe('never');
	expect(deliveryOf({ ...base, kind: 'proposal-accepted' }, directory)).toBe('now');
	expect(composeMail({ ...base, kind: 'proposal-accepted' }, 'Hamar bibliotek', { appUrl: 'http://x', unsubscribeUrl: 'http://x/u', domain: 'x' }).html).toContain('<html lang="en">');

	// Back on the page, the saved choices are shown again after a reload.
	await page.reload();
	await expect(page.getByTestId('notice-choices').getByLabel('Haster: en forespørsel du kan hjelpe med')).toHaveValue('never');
	await expect(page.getByTestId('notice-language')).toHaveValue('en');
});

// The notifier's side of /notify/status is tested over HTTP on both servers
// (tests/integration/suites/delivery-status.suite.ts); here its answer stands in, so the page
// can be seen to show what it says.
test('the settings page says which of the library’s addresses bounced or unsubscribed', async ({ page }) => {
	await loginAs(page, 'hamar');
	const docOf = (id: string) => page.evaluate(async (docId) => (await fetch(`/db/byttebank/${encodeURIComponent(docId)}`, { credentials: 'same-origin' })).json(), id) as Promise<{ email?: string }>;
	await page.goto('/settings');
	const choices = page.getByTestId('notice-choices');
	const personId = await choices.getByLabel('Person').inputValue();
	const person = await docOf(personId);
	const library = await docOf('library:hamar');
	await page.route('**/notify/status', (route) =>
		route.fulfill({
			json: {
				addresses: [
					{ address: person.email, library: 'hamar', person: personId, bounced: { at: Date.parse('2026-11-30T09:00:00Z'), reason: '550 5.1.1 mailbox unavailable' } },
					{ address: library.email, library: 'hamar', unsubscribed: { at: Date.parse('2026-11-29T09:00:00Z') } }
				]
			}
		})
	);
	await page.reload();
	await expect(choices.getByTestId('address-bounced')).toContainText(`E-post til ${person.email} kom i retur`);
	await expect(choices.getByTestId('address-bounced')).toContainText('550 5.1.1 mailbox unavailable');
	await expect(choices.getByTestId('address-unsubscribed')).toContainText(`${library.email} meldte seg av`);
	await page.setViewportSize({ width: 360, height: 740 });
	await choices.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'tests/e2e/screenshots/settings-bounced-360.png', fullPage: true });
	// Another person at the library, whose address is fine, shows no warning.
	const other = await choices.getByLabel('Person').locator('option').nth(1).getAttribute('value');
	await choices.getByLabel('Person').selectOption(other!);
	await expect(choices.getByTestId('address-bounced')).toHaveCount(0);
});

test('a librarian gathers a colleague’s urgent requests in the weekly digest: the next digest goes to that colleague too, and the requests wait for it', async ({ page }) => {
	await loginAs(page, 'stange');
	await page.goto('/settings');
	const choices = page.getByTestId('notice-choices');
	const personId = await choices.getByLabel('Person').inputValue();
	await choices.getByLabel('Haster: en forespørsel du kan hjelpe med').selectOption({ label: 'I ukesoversikten' });
	await choices.getByRole('button', { name: 'Lagre valgene' }).click();
	await expect(choices.getByRole('status')).toContainText('Lagret');
	await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 30_000 });

	// What the notifier reads: the whole county as the server holds it after the save.
	const rows = (await page.evaluate(async () => (await fetch('/db/byttebank/_all_docs?include_docs=true', { credentials: 'same-origin' })).json())) as { rows: Array<{ doc: { _id: string; type?: string } }> };
	const docs = rows.rows.map((r) => r.doc);
	const people = docs.filter((d): d is PersonDoc => d.type === 'person');
	const libraries = new Map(docs.filter((d): d is LibraryDoc => d.type === 'library').map((l) => [l.slug, l]));
	const person = people.find((p) => p._id === personId)!;
	expect(person.notify).toEqual({ 'urgent-request': 'digest' });
	const state = fold(docs.filter((d) => d._id.startsWith('tx:')) as unknown as Transaction[]);
	const monday = Date.parse('2026-12-07T08:00:00Z');
	const digests = weeklyDigestNotices({ state, directory: { libraries, people }, now: monday, timeZone: 'Europe/Oslo' }).filter((n) => n.to.library === 'stange');
	// The library's shared address, and now the colleague who gathers notices there.
	expect(digests.map((n) => n.to.address).sort()).toEqual([libraries.get('stange')!.email, person.email].sort());
	const urgent = { key: 'urgent-request:x>' + person.email, kind: 'urgent-request' as const, to: { address: person.email!, name: person.name, library: 'stange', person: person._id }, urgency: 'urgent' as const, link: '/requests/x', params: {}, at: monday };
	expect(deliveryOf(urgent, { libraries, people })).toBe('digest');
});
