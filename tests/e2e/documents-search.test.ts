import { expect, test } from '@playwright/test';
import { checkA11y, DEMO_PASSWORD, personIdByIns, readDb, signIn } from './support';

const INS = { irene: '238027306501056', elliot: '111093818511245' };
const ORDONNANCE = 'Ordonnance — soins de la plaie du talon gauche';

test('Irène finds her ordonnance by a word of its text, through the form and through the URL', async ({
	page
}) => {
	const irene = personIdByIns(INS.irene);
	await signIn(page, 'irene@relais.test');
	await page.goto(`/p/${irene}/documents`);
	await checkA11y(page);

	// The text is extracted just after ingest: give the queue a moment after start-up.
	await expect(async () => {
		await page.getByRole('searchbox', { name: 'Rechercher' }).fill('PANSÉMENT');
		await page.getByRole('button', { name: 'Rechercher' }).click();
		await expect(page).toHaveURL(/[?&]q=PANS%C3%89MENT/);
		await expect(
			page.getByRole('region', { name: 'Résultats' }).getByRole('link', { name: ORDONNANCE })
		).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 20_000 });
	await expect(page.getByTestId('documents-total')).toContainText(/correspond/);
	await checkA11y(page);

	// The same search by its URL (no JavaScript needed), with a filter.
	await page.goto(`/p/${irene}/documents?q=pansement&categorie=ordonnances`);
	await expect(page.getByRole('link', { name: ORDONNANCE })).toBeVisible();
	await expect(page.getByLabel('Catégorie')).toHaveValue('ordonnances');
	await checkA11y(page);

	// Nothing found: said in words.
	await page.goto(`/p/${irene}/documents?q=xylophone`);
	await expect(page.getByTestId('documents-total')).toHaveText(
		'Aucun document ne correspond à votre recherche.'
	);
	await checkA11y(page);

	// Bad parameters: a clear message, never an error page.
	const bad = await page.goto(
		`/p/${irene}/documents?q=pansement&categorie=inconnue&du=2024-02-31&auteur=Personne&page=0`
	);
	expect(bad?.status()).toBe(200);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Cette catégorie n’existe pas');
	await expect(alert).toContainText('n’existe pas dans le calendrier');
	await expect(alert).toContainText('Choisissez un auteur ou un établissement dans la liste.');
	await expect(page.getByRole('link', { name: ORDONNANCE })).toBeVisible();
	await checkA11y(page);

	// "Effacer" goes back to the whole list, grouped by category.
	await page.getByRole('link', { name: 'Effacer' }).click();
	await expect(page.getByRole('region', { name: /Ordonnances et prescriptions/ })).toBeVisible();
});

test('the search works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const irene = personIdByIns(INS.irene);
	// signIn() runs axe, which needs JavaScript: the same steps, by hand.
	await page.goto('/connexion');
	await page.getByLabel('Adresse e-mail').fill('irene@relais.test');
	await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).not.toHaveURL(/\/connexion/);
	await page.goto(`/p/${irene}/documents`);
	await page.getByRole('searchbox', { name: 'Rechercher' }).fill('hydrocellulaire');
	await page.getByRole('button', { name: 'Rechercher' }).click();
	await expect(page.getByRole('link', { name: ORDONNANCE })).toBeVisible();
	await context.close();
});

test('Elliot’s parent never finds the document under the minor’s secret, nor counts it', async ({
	page
}) => {
	const elliot = personIdByIns(INS.elliot);
	const db = readDb();
	const secret = db
		.prepare(
			'select title from documents where person_id = ? and invisible_to_legal_representatives = 1'
		)
		.get(elliot) as { title: string };
	db.close();

	await signIn(page, 'parent-elliot@relais.test');
	for (const q of [secret.title, 'adolescents', 'Maison des adolescents', 'confidentielle']) {
		await page.goto(`/p/${elliot}/documents?q=${encodeURIComponent(q)}`);
		await expect(page.getByTestId('documents-total'), q).toHaveText(
			'Aucun document ne correspond à votre recherche.'
		);
		await expect(page.getByRole('main')).not.toContainText('Maison des adolescents');
	}
	await checkA11y(page);
	// Nor in the choices of the author filter.
	await expect(page.getByLabel('Auteur ou établissement')).not.toContainText('Camille Royer');
});
