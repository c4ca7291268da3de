import { expect, test } from '@playwright/test';
import { loginAs, screenshot } from './helpers';

test('a librarian asks to join from the login page, a colleague approves, and the newcomer logs in', async ({ browser }) => {
	const name = `ny.${Date.now().toString(36)}`;
	const newcomer = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
	await newcomer.goto('/login');
	await newcomer.getByRole('button', { name: 'Ny her? Be om tilgang' }).click();
	const form = newcomer.getByTestId('join-form');
	await expect(form.getByLabel('Bibliotek')).toContainText('Hamar bibliotek');

	// Bad input: each field says what is wrong, in Norwegian, and nothing typed is lost.
	await form.getByLabel('E-post').fill('ida@');
	await form.getByLabel('Passord').fill('kort');
	await form.getByRole('button', { name: 'Send forespørsel' }).click();
	await expect(form.getByText('Velg biblioteket ditt.')).toBeVisible();
	await expect(form.getByText('Ugyldig e-postadresse.')).toBeVisible();
	await expect(form.getByText('Passordet må ha minst 8 tegn.')).toBeVisible();
	await expect(form.getByLabel('E-post')).toHaveValue('ida@');
	await screenshot(newcomer, 'join-360');

	// A name already taken is refused with the reason.
	await form.getByLabel('Bibliotek').selectOption('hamar');
	await form.getByLabel('Fullt navn').fill('Ida Berg');
	await form.getByLabel('E-post').fill('ida@hamar.kommune.no');
	await form.getByLabel('Brukernavn').fill('hamar');
	await form.getByLabel('Passord').fill('ida-sitt-passord');
	await form.getByRole('button', { name: 'Send forespørsel' }).click();
	await expect(form.getByText('Brukernavnet er tatt. Velg et annet.')).toBeVisible();

	await form.getByLabel('Brukernavn').fill(name);
	await form.getByRole('button', { name: 'Send forespørsel' }).click();
	await expect(newcomer.getByTestId('join-sent')).toContainText('Hamar bibliotek');
	await expect(newcomer.getByLabel('Brukernavn')).toHaveValue(name);

	// Waiting: the login says so instead of opening an empty bank.
	await newcomer.getByLabel('Passord').fill('ida-sitt-passord');
	await newcomer.getByRole('button', { name: 'Logg inn' }).click();
	await expect(newcomer.getByRole('alert')).toContainText('venter på godkjenning');

	// A colleague at Hamar sees the request on the library's page and approves it.
	const colleague = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
	await loginAs(colleague, 'hamar');
	await expect(colleague.getByTestId('agenda-applicants')).toContainText('venter på godkjenning');
	await colleague.getByTestId('agenda-applicants').getByRole('link').click();
	await expect(colleague).toHaveURL(/\/libraries\/hamar$/);
	const request = colleague.getByTestId('pending-members').getByTestId('applicant').filter({ hasText: name });
	await expect(request).toContainText('Ida Berg');
	await screenshot(colleague, 'pending-members-1024');
	await request.getByRole('button', { name: 'Godkjenn' }).click();
	await expect(colleague.getByTestId('pending-members')).toContainText('Ida Berg er godkjent');
	await expect(colleague.getByTestId('applicant').filter({ hasText: name })).toHaveCount(0);

	// Another library's librarian never saw it.
	const other = await (await browser.newContext()).newPage();
	await loginAs(other, 'tolga');
	await other.goto('/libraries/tolga');
	await expect(other.getByTestId('pending-members')).toContainText('Ingen venter på godkjenning.');

	await loginAs(newcomer, name, 'ida-sitt-passord');
	await expect(newcomer.getByTestId('library-name')).toContainText('Hamar');
});

test('the county sees requests to every library and can turn one down', async ({ browser, page }) => {
	const name = `avslag.${Date.now().toString(36)}`;
	const newcomer = await (await browser.newContext()).newPage();
	await newcomer.goto('/login');
	await newcomer.getByRole('button', { name: 'Ny her? Be om tilgang' }).click();
	const form = newcomer.getByTestId('join-form');
	await form.getByLabel('Bibliotek').selectOption('tolga');
	await form.getByLabel('Fullt navn').fill('Per Avslått');
	await form.getByLabel('E-post').fill('per@example.no');
	await form.getByLabel('Brukernavn').fill(name);
	await form.getByLabel('Passord').fill('pers-passord');
	await form.getByRole('button', { name: 'Send forespørsel' }).click();
	await expect(newcomer.getByTestId('join-sent')).toBeVisible();

	await loginAs(page, 'fylket');
	await page.goto('/county/admin');
	const request = page.getByTestId('applicant').filter({ hasText: name });
	await expect(request).toContainText('Tolga');
	await request.getByRole('button', { name: 'Avslå' }).click();
	await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Ja, fortsett' }).click();
	await expect(page.getByTestId('pending-members')).toContainText('Forespørselen fra Per Avslått er avslått.');

	await newcomer.getByLabel('Brukernavn').fill(name);
	await newcomer.getByLabel('Passord').fill('pers-passord');
	await newcomer.getByRole('button', { name: 'Logg inn' }).click();
	await expect(newcomer.getByRole('alert')).toContainText('Feil brukernavn eller passord.');
});

test('a library the county registers appears in the list people can ask to join', async ({ page }) => {
	await loginAs(page, 'fylket');
	await page.goto('/county/admin');
	const slug = `nytt-${Date.now().toString(36)}`;
	await page.getByLabel('Kortnavn (små bokstaver, f.eks. karlstad)').fill(slug);
	await page.getByLabel('Navn', { exact: true }).fill('Nytt testbibliotek');
	await page.getByLabel('Kommune').fill('Karlstad');
	await page.getByLabel('Sted').fill('Karlstad');
	await page.getByLabel('Region (f.eks. hedmark, varmland)').fill('varmland');
	await page.getByLabel('Land (NO, SE …)').fill('SE');
	await page.getByLabel('Breddegrad').fill('59,38');
	await page.getByLabel('Lengdegrad').fill('13,5');
	await page.getByRole('button', { name: 'Registrer bibliotek' }).click();
	await expect(page.getByText('Biblioteket er registrert.')).toBeVisible();

	const anonymous = await (await page.context().browser()!.newContext()).newPage();
	await anonymous.goto('/login');
	await anonymous.getByRole('button', { name: 'Ny her? Be om tilgang' }).click();
	await expect(async () => {
		await anonymous.reload();
		await anonymous.getByRole('button', { name: 'Ny her? Be om tilgang' }).click();
		await expect(anonymous.getByTestId('join-form').getByLabel('Bibliotek')).toContainText('Nytt testbibliotek (SE)', { timeout: 2000 });
	}).toPass({ timeout: 20_000 });
});
