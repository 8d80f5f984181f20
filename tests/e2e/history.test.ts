import { expect } from '@playwright/test';
import { checkA11y, personIdByAccount, personIdByIns, readDb, signIn, test } from './support';

const ELLIOT_INS = '111093818511245';

test('the holder sees her own reads in the access history', async ({ page }) => {
	await signIn(page, 'irene@relais.test');
	const profile = new URL(page.url()).pathname;
	await page.goto(`${profile}/documents`);
	const first = page.getByRole('main').locator('section li h3 a').first();
	const title = (await first.textContent())?.trim() ?? '';
	await first.click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await page.goto(`${profile}/historique`);
	await expect(page.getByRole('heading', { level: 1, name: 'Historique des accès' })).toBeVisible();
	const entry = page.getByRole('listitem').filter({ hasText: title }).first();
	await expect(entry).toContainText('Vous a consulté un document');
	await checkA11y(page);
});

test('professional reads appear in the history, never those of the minor’s secret for a parent', async ({
	page,
	request
}) => {
	const auth = { Authorization: 'Bearer demo-ch' };
	const list = await request.get(`/api/v1/persons/${ELLIOT_INS}/documents`, { headers: auth });
	expect(list.status()).toBe(200);
	const elliot = personIdByIns(ELLIOT_INS);
	const db = readDb();
	const secret = db
		.prepare(
			'select id, title from documents where person_id = ? and invisible_to_legal_representatives = 1'
		)
		.get(elliot) as { id: string; title: string };
	db.close();
	// Professionals do see the document under the minor's secret (domain rule 2).
	const ids = ((await list.json()).documents as { id: string }[]).map((d) => d.id);
	expect(ids).toContain(secret.id);
	expect((await request.get(`/api/v1/documents/${secret.id}`, { headers: auth })).status()).toBe(
		200
	);

	await signIn(page, 'parent-elliot@relais.test');
	await page.goto(`/p/${elliot}/historique`);
	const main = page.getByRole('main');
	await expect(main).toContainText('Centre hospitalier de démonstration');
	await expect(main).toContainText('a consulté la liste des documents');
	await expect(main).not.toContainText(secret.title);
	await checkA11y(page);
});

test('a caregiver does not read the holder’s access history', async ({ page }) => {
	await signIn(page, 'fille-christiane@relais.test');
	const christiane = personIdByAccount('christiane@relais.test');
	const response = await page.goto(`/p/${christiane}/historique`);
	expect(response?.status()).toBe(404);
});
