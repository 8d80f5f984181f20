/**
 * A larger space (Patrick, pushed 27 documents by his GP's software): the documents page shows,
 * per category, the count and the latest document in one line, with a link to the category's full
 * list, paged 20 by 20; the filters show when asked for. axe on every page; screenshots at 360 and
 * 1280 px in test-results/screenshots/.
 */
import { expect } from '@playwright/test';
import { makePdf } from '../support/pdf';
import { checkA11y, personIdByIns, screenshot, signIn, test } from './support';

const PATRICK = {
	ins: { matricule: '179112636214469', oid: '1.2.250.1.213.1.4.10' },
	traits: {
		birthName: 'GARNIER',
		firstGivenName: 'PATRICK',
		givenNames: 'PATRICK ALAIN',
		sex: 'M',
		birthDate: '1979-11-08',
		birthPlace: '26362'
	}
};

/** 22 lab reports (one a week, newest last), 4 prescriptions, 1 imaging report. */
const pushes = [
	...Array.from({ length: 22 }, (_, i) => ({
		typeCode: '11502-2',
		title: `Bilan sanguin n° ${i + 1}`,
		authoredAt: new Date(Date.UTC(2026, 0, 5 + 7 * i, 9)).toISOString()
	})),
	...Array.from({ length: 4 }, (_, i) => ({
		typeCode: '57833-6',
		title: `Ordonnance n° ${i + 1}`,
		authoredAt: new Date(Date.UTC(2026, 1, 2 + 14 * i, 9)).toISOString()
	})),
	{ typeCode: '18748-4', title: 'Radiographie du genou', authoredAt: '2026-04-01T08:00:00Z' }
];

test('a larger space: the latest of each category, each category in full, page by page', async ({
	page,
	request
}) => {
	for (const document of pushes) {
		const response = await request.post('/api/v1/documents', {
			headers: { Authorization: 'Bearer demo-medecin' },
			data: {
				person: PATRICK,
				document: { ...document, authorName: 'Dr Girard' },
				file: { mediaType: 'application/pdf', content: makePdf(document.title).toString('base64') }
			}
		});
		expect(response.status(), await response.text()).toBe(201);
	}
	const patrick = personIdByIns(PATRICK.ins.matricule);
	await signIn(page, 'patrick@relais.test');
	await page.goto(`/p/${patrick}/documents`);

	// One region per category: its count, the latest document (new: nobody opened it yet), and a
	// link to all of them.
	const biology = page.getByRole('region', { name: /^Biologie/ });
	await expect(biology.getByRole('heading', { level: 2 })).toHaveText('Biologie (22)');
	await expect(biology).toContainText('Le plus récent : Bilan sanguin n° 22');
	await expect(biology.getByText('Nouveau')).toBeVisible();
	await expect(biology.getByRole('link', { name: 'Bilan sanguin n° 21' })).toHaveCount(0);
	// A category of one document shows it, and no "see all" link.
	const imaging = page.getByRole('region', { name: /^Imagerie/ });
	await expect(imaging.getByRole('link', { name: 'Radiographie du genou' })).toBeVisible();
	await expect(imaging.getByRole('link', { name: /^Voir les/ })).toHaveCount(0);
	const prescriptions = page.getByRole('region', { name: /^Ordonnances et prescriptions/ });
	await expect(prescriptions.getByRole('link', { name: 'Ordonnance n° 4' })).toBeVisible();
	// The filters wait to be asked for; the words field is there.
	await expect(page.getByLabel('Auteur ou établissement')).toHaveCount(0);
	await expect(page.getByRole('searchbox', { name: 'Rechercher' })).toBeVisible();
	await checkA11y(page);
	await screenshot(page, 'documents-overview');

	// A category in full, newest first, 20 per page.
	await biology.getByRole('link', { name: 'Voir les 22 documents « Biologie »' }).click();
	await expect(page).toHaveURL(/\?categorie=biologie$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Biologie' })).toBeVisible();
	const results = page.getByRole('region', { name: 'Biologie' });
	await expect(results.getByRole('heading', { level: 3 })).toHaveCount(20);
	await expect(results.getByRole('heading', { level: 3 }).first()).toHaveText(
		'Nouveau Bilan sanguin n° 22'
	);
	await expect(page.getByTestId('documents-total')).toHaveText(
		'22 documents « Biologie », du plus récent au plus ancien (page 1 sur 2).'
	);
	// Browsing a category asks for words only, searched within the category.
	await expect(page.getByLabel('Auteur ou établissement')).toHaveCount(0);
	await checkA11y(page);
	await screenshot(page, 'documents-category');
	await page.getByRole('link', { name: 'Page suivante' }).click();
	await expect(results.getByRole('heading', { level: 3 })).toHaveCount(2);
	await expect(
		results.getByRole('link', { name: 'Bilan sanguin n° 1', exact: true })
	).toBeVisible();
	await page.getByRole('searchbox', { name: 'Rechercher' }).fill('sanguin 21');
	await page.getByRole('button', { name: 'Rechercher' }).click();
	await expect(page).toHaveURL(/\?q=sanguin\+21&categorie=biologie$/);
	await expect(
		page.getByRole('region', { name: 'Résultats' }).getByRole('heading', { level: 3 })
	).toHaveText(['Nouveau Bilan sanguin n° 21']);
	await expect(page.getByLabel('Catégorie')).toHaveValue('biologie');
	await checkA11y(page);

	// Back to the overview; then every filter, when asked for.
	await page.getByRole('link', { name: 'Revenir à tous les documents' }).click();
	await page.getByRole('link', { name: /^Recherche avancée/ }).click();
	await expect(page).toHaveURL(/\?avance=1$/);
	await page.getByLabel('Du', { exact: true }).fill('2026-02-01');
	await page.getByLabel('Au', { exact: true }).fill('2026-02-28');
	await page.getByLabel('Auteur ou établissement').selectOption('Dr Girard');
	await page.getByRole('button', { name: 'Rechercher' }).click();
	// February 2026: 4 lab reports (2, 9, 16, 23) and 2 prescriptions (2, 16).
	await expect(page.getByTestId('documents-total')).toHaveText(
		'6 documents correspondent à votre recherche, du plus récent au plus ancien.'
	);
	await checkA11y(page);
});
