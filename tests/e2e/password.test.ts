import { expect } from '@playwright/test';
import { checkA11y, DEMO_PASSWORD, signIn, test } from './support';

// Runs after the files that sign in as Daniel with the demo password (files run in name order).
const EMAIL = 'daniel@relais.test';
const NEW_PASSWORD = 'le jardin fleurit sous la pluie 2026';

test('changing the password signs out every other device and keeps this one', async ({
	browser,
	page
}) => {
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await signIn(otherPage, EMAIL);
	const otherUrl = otherPage.url();

	await signIn(page, EMAIL);
	await page.getByRole('link', { name: 'Mon compte' }).click();
	await checkA11y(page);

	// A wrong current password and a common new one are refused with clear messages.
	await page.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot-de-passe');
	await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
	await page.getByLabel('Nouveau mot de passe, une deuxième fois').fill(NEW_PASSWORD);
	await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Votre mot de passe actuel n’est pas celui-ci.'
	);
	await checkA11y(page);

	await page.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
	await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('motdepasse123');
	await page.getByLabel('Nouveau mot de passe, une deuxième fois').fill('motdepasse123');
	await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
	await expect(page.getByRole('alert')).toContainText('trop courant');

	await page.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
	await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
	await page.getByLabel('Nouveau mot de passe, une deuxième fois').fill(NEW_PASSWORD);
	await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
	await expect(page.getByTestId('saved')).toContainText('Votre mot de passe est changé');

	// This browser is still signed in; the other device is not.
	await page.goto('/');
	await expect(page).not.toHaveURL(/connexion/);
	const response = await otherPage.goto(otherUrl);
	expect(response?.url()).toMatch(/\/connexion$/);
	await other.close();

	// The old password no longer works; the new one does.
	const fresh = await browser.newContext();
	const freshPage = await fresh.newPage();
	await freshPage.goto('/connexion');
	await freshPage.getByLabel('Adresse e-mail').fill(EMAIL);
	await freshPage.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	await freshPage.getByRole('button', { name: 'Se connecter' }).click();
	await expect(freshPage.getByRole('alert')).toContainText(
		'Adresse e-mail ou mot de passe incorrect.'
	);
	await signIn(freshPage, EMAIL, NEW_PASSWORD);
	await fresh.close();
});
