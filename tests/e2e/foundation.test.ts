import { expect } from '@playwright/test';
import { checkA11y, personIdByIns, readDb, signIn, test } from './support';

const INS = {
	christiane: '243056912304535',
	elliot: '111093818511245',
	adrien: '116066311320181',
	louis: '166016926605823',
	elise: '210044221807765'
};

test('Christiane opens her latest ordonnance and its first page paints', async ({ page }) => {
	await signIn(page, 'christiane@relais.test');
	await expect(page.getByText('Démonstration — données fictives')).toBeVisible();
	await checkA11y(page);

	await page
		.getByRole('navigation', { name: 'Rubriques de l’espace' })
		.getByRole('link', { name: 'Documents' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
	await checkA11y(page);

	const ordonnances = page.getByRole('region', { name: /Ordonnances et prescriptions/ });
	const latest = ordonnances.getByRole('listitem').first().getByRole('link');
	const title = (await latest.textContent())?.trim() ?? '';
	expect(title).not.toBe('');
	await latest.click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

	const canvas = page.locator('[data-testid="pdf-viewer"] canvas[data-page-number="1"]');
	await expect(canvas).toHaveAttribute('data-rendered', 'true', { timeout: 15_000 });
	const inked = await canvas.evaluate((node) => {
		const c = node as HTMLCanvasElement;
		const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
		if (!data) return 0;
		let dark = 0;
		for (let i = 0; i < data.length; i += 4) {
			if ((data[i] ?? 255) < 128 && (data[i + 3] ?? 0) > 0) dark++;
		}
		return dark;
	});
	expect(inked, 'dark pixels on page 1').toBeGreaterThan(500);
	await expect(page.locator('[data-testid="pdf-viewer"] .textLayer').first()).toContainText(title);

	// Zoom by steps, back to the width; the arrow keys move along the toolbar.
	const zoomValue = page.getByTestId('pdf-zoom-value');
	await expect(zoomValue).toHaveText('100 %');
	await page.getByRole('button', { name: 'Zoom avant' }).click();
	await expect(zoomValue).toHaveText('125 %');
	await expect(page.getByRole('status').filter({ hasText: 'Zoom 125 %' })).toBeAttached();
	await page.getByRole('button', { name: 'Ajuster à la largeur' }).click();
	await expect(zoomValue).toHaveText('100 %');
	await page.getByRole('button', { name: 'Zoom arrière' }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('button', { name: 'Zoom avant' })).toBeFocused();
	await page.keyboard.press('End');
	await expect(page.getByRole('link', { name: 'Télécharger' })).toBeFocused();
	await checkA11y(page);
});

test('Elliot’s parent sees Elliot’s space but never the document under the minor’s secret', async ({
	page
}) => {
	const elliot = personIdByIns(INS.elliot);
	const db = readDb();
	const secret = db
		.prepare(
			'select id, title from documents where person_id = ? and invisible_to_legal_representatives = 1'
		)
		.get(elliot) as { id: string; title: string };
	const visibleCount = (
		db
			.prepare(
				`select count(*) as n from documents where person_id = ? and invisible_to_legal_representatives = 0
				 and invisible_to_patient = 0 and deleted_at is null and superseded_at is null`
			)
			.get(elliot) as { n: number }
	).n;
	db.close();
	expect(secret).toBeTruthy();

	await signIn(page, 'parent-elliot@relais.test');
	await checkA11y(page);
	await page
		.getByRole('link', { name: /Elliot/ })
		.first()
		.click();
	await expect(page).toHaveURL(new RegExp(`/p/${elliot}$`));
	await checkA11y(page);
	await page.goto(`/p/${elliot}/documents`);
	await checkA11y(page);
	await expect(page.getByTestId('documents-total')).toContainText(`${visibleCount} document`);
	await expect(page.getByRole('main')).not.toContainText(secret.title);
	expect(await page.getByRole('main').getByRole('listitem').count()).toBeGreaterThanOrEqual(
		visibleCount
	);

	const direct = await page.goto(`/p/${elliot}/documents/${secret.id}`);
	expect(direct?.status()).toBe(404);
	await checkA11y(page);
	const file = await page.request.get(`/p/${elliot}/documents/${secret.id}/fichier`);
	expect(file.status()).toBe(404);
});

test('both of Adrien’s parents reach Adrien’s space', async ({ browser }) => {
	const adrien = personIdByIns(INS.adrien);
	for (const email of ['parent1-adrien@relais.test', 'parent2-adrien@relais.test']) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, email);
		await expect(page.getByRole('link', { name: /Adrien/ }).first()).toBeVisible();
		const response = await page.goto(`/p/${adrien}/documents`);
		expect(response?.status()).toBe(200);
		await expect(page.getByText('autorité parentale')).toBeVisible();
		await checkA11y(page);
		await context.close();
	}
});

test('Louis’s curatrice sees no profile of Louis and gets 404 at his URLs', async ({ page }) => {
	const louis = personIdByIns(INS.louis);
	await signIn(page, 'curatrice-louis@relais.test');
	await expect(page.getByRole('link', { name: /Louis/ })).toHaveCount(0);
	await expect(page.getByRole('navigation', { name: 'Changer d’espace santé' })).toHaveCount(0);
	for (const url of [`/p/${louis}`, `/p/${louis}/documents`]) {
		const response = await page.goto(url);
		expect(response?.status(), url).toBe(404);
	}
	await checkA11y(page);
});

test('Elise has no space: nothing is stored and no account reaches her', async ({ page }) => {
	const elise = personIdByIns(INS.elise);
	const db = readDb();
	const docs = db.prepare('select count(*) as n from documents where person_id = ?').get(elise) as {
		n: number;
	};
	const grants = db
		.prepare('select count(*) as n from access_grants where person_id = ?')
		.get(elise) as { n: number };
	const status = db.prepare('select space_status as s from persons where id = ?').get(elise) as {
		s: string;
	};
	db.close();
	expect(docs.n).toBe(0);
	expect(grants.n).toBe(0);
	expect(status.s).toBe('excluded');

	await signIn(page, 'mallory@relais.test');
	const response = await page.goto(`/p/${elise}`);
	expect(response?.status()).toBe(404);
});

test('sign-out ends the session on the server', async ({ page, context }) => {
	await signIn(page, 'irene@relais.test');
	const profileUrl = page.url();
	const cookie = (await context.cookies()).find((c) => c.name === '__Host-relais-session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.secure).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');

	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL(/\/connexion$/);
	await checkA11y(page);

	// Replaying the old cookie after sign-out gets nothing back.
	const replay = await page.request.get(profileUrl, {
		headers: { Cookie: `${cookie?.name}=${cookie?.value}` },
		maxRedirects: 0
	});
	expect(replay.status()).toBe(303);
	expect(replay.headers()['location']).toBe('/connexion');
});

test('a wrong password gets a generic message', async ({ page }) => {
	await page.goto('/connexion');
	await page.getByLabel('Adresse e-mail').fill('samir@relais.test');
	await page.getByLabel('Mot de passe').fill('not-the-password-at-all');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
	await checkA11y(page);
});

test('repeated failed sign-ins are throttled with a generic message, known account or not', async ({
	page
}) => {
	await page.goto('/connexion');
	const attempt = async (password: string) => {
		await page.getByLabel('Adresse e-mail').fill('personne-inconnue@relais.test');
		await page.getByLabel('Mot de passe').fill(password);
		// With JavaScript the form posts through fetch: the action's own status is in the body.
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Se connecter' }).click()
		]);
		return ((await response.json()) as { status: number }).status;
	};
	for (let i = 0; i < 5; i++) {
		expect(await attempt(`mauvais-mot-de-passe-${i}`)).toBe(400);
		await expect(page.getByRole('alert')).toContainText(
			'Adresse e-mail ou mot de passe incorrect.'
		);
	}
	expect(await attempt('encore-un-mauvais-essai')).toBe(429);
	await expect(page.getByRole('alert')).toContainText(
		'Trop de tentatives. Réessayez dans 1 minute.'
	);
	await checkA11y(page);
});
