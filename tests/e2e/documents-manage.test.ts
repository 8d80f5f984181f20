/**
 * Issue 4, items 2–5 and 8 in Chromium against the built server: a parent adds a phone photo of a
 * prescription to Adrien's space and reads it back; hostile files are refused with a French
 * message and nothing stored; hiding removes a document from the professional API; delete then
 * restore; Samir's DLU shows its latest version with the earlier one in its history.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { makePdf } from '../support/pdf';
import { EXIF_MARKER, phoneJpeg } from '../support/images';
import { checkA11y, personIdByAccount, personIdByIns, readDb, screenshot, signIn } from './support';

const ADRIEN_INS = '116066311320181';
const PARENT = 'parent1-adrien@relais.test';
const SCREENS = path.resolve('test-results', 'screenshots');

function counts() {
	const db = readDb();
	try {
		const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
		const root = path.resolve(process.env.DATA_DIR ?? '.tmp/e2e-data', 'documents');
		let files = 0;
		if (fs.existsSync(root)) {
			for (const shard of fs.readdirSync(root))
				files += fs.readdirSync(path.join(root, shard)).length;
		}
		return {
			documents: one('select count(*) as n from documents'),
			events: one("select count(*) as n from access_events where action = 'add_document'"),
			files
		};
	} finally {
		db.close();
	}
}

async function fillUpload(
	page: Page,
	file: { name: string; mimeType: string; buffer: Buffer },
	title: string
) {
	await page.getByLabel('Photo ou fichier PDF').setInputFiles(file);
	await page.getByLabel(/^Ordonnance ou document de soins/).check();
	await page.getByLabel('Titre').fill(title);
	await page.getByRole('button', { name: 'Ajouter le document' }).click();
}

test.describe('adding, hiding, deleting documents', () => {
	let adrienId: string;
	test.beforeAll(() => {
		adrienId = personIdByIns(ADRIEN_INS);
	});

	test('a parent adds a phone photo of a prescription and reads it back', async ({ page }) => {
		await signIn(page, PARENT);
		const before = counts();
		await page.goto(`/p/${adrienId}/documents/ajouter`);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Ajouter un document' })
		).toBeVisible();
		await expect(page.getByLabel('Date du document')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
		await checkA11y(page);
		await screenshot(page, 'ajouter');

		const photo = await phoneJpeg(1200, 900);
		await fillUpload(
			page,
			{ name: 'IMG_20261125_101500.jpg', mimeType: 'image/jpeg', buffer: photo },
			'Ordonnance du Dr Martin (photo)'
		);
		await expect(page).toHaveURL(new RegExp(`/p/${adrienId}/documents/[a-z0-9]+\\?ajoute=1$`));
		await expect(page.getByRole('status').filter({ hasText: 'a été ajouté' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Ordonnance du Dr Martin (photo)'
		);
		await expect(page.getByTestId('image-viewer')).toHaveAttribute('data-status', 'ready');
		await page.getByRole('button', { name: 'Zoom arrière' }).click();
		await expect(page.getByTestId('image-zoom-value')).toHaveText('75 %');
		await page.getByRole('button', { name: 'Ajuster à la largeur' }).click();
		await expect(page.getByTestId('image-zoom-value')).toHaveText('100 %');
		await expect(
			page.getByRole('status').filter({ hasText: 'Image ajustée à la largeur : 100 %.' })
		).toBeAttached();
		await checkA11y(page);
		await screenshot(page, 'document-image');

		const after = counts();
		expect(after.documents).toBe(before.documents + 1);
		expect(after.events).toBe(before.events + 1);

		// Read back: a JPEG, the same picture size, and nothing of the phone's metadata.
		const documentId = new URL(page.url()).pathname.split('/').pop()!;
		const file = await page.request.get(`/p/${adrienId}/documents/${documentId}/fichier`);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-type']).toBe('image/jpeg');
		const bytes = await file.body();
		expect(bytes.toString('latin1')).not.toContain(EXIF_MARKER);
		expect(bytes.toString('latin1')).not.toContain('Exif');
		const meta = await sharp(bytes).metadata();
		expect([meta.width, meta.height, meta.exif]).toEqual([1200, 900, undefined]);
		const db = readDb();
		const row = db.prepare('select * from documents where id = ?').get(documentId) as Record<
			string,
			unknown
		>;
		db.close();
		expect(row).toMatchObject({
			type_code: 'DOCPAT02',
			source: 'person',
			media_type: 'image/jpeg'
		});
		expect(String(row.file_name)).toMatch(/^document-[a-z0-9]+\.jpg$/);
	});

	test('hostile or broken files are refused with a French message, nothing stored', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await signIn(page, PARENT);
		const pdf = makePdf('Compte rendu de consultation', 40_000);
		const cases = [
			{
				what: 'an HTML page renamed .pdf',
				file: {
					name: 'ordonnance.pdf',
					mimeType: 'application/pdf',
					buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
				},
				message: /page web/
			},
			{
				what: 'a truncated PDF',
				file: {
					name: 'compte-rendu.pdf',
					mimeType: 'application/pdf',
					buffer: pdf.subarray(0, 25_000)
				},
				message: /PDF est abîmé ou incomplet/
			},
			{
				what: 'a file over 20 MiB',
				file: {
					name: 'scan.pdf',
					mimeType: 'application/pdf',
					buffer: makePdf('Très gros scan', 21 * 1024 * 1024)
				},
				message: /trop volumineux/
			},
			{
				what: 'a traversal file name',
				file: {
					name: '../../etc/passwd.pdf',
					mimeType: 'application/pdf',
					buffer: Buffer.from('root:x:0:0:root:/root:/bin/bash\n')
				},
				message: /ni une photo ni un PDF/
			}
		];
		for (const c of cases) {
			await page.goto(`/p/${adrienId}/documents/ajouter`);
			const before = counts();
			await fillUpload(page, c.file, `Essai : ${c.what}`);
			const alert = page.getByRole('alert');
			await expect(alert, c.what).toContainText('Le document n’a pas été ajouté');
			await expect(alert, c.what).toContainText(c.message);
			await expect(page.locator('#fichier-erreur'), c.what).toContainText(c.message);
			// What was typed is kept; the person only has to pick another file.
			await expect(page.getByLabel('Titre')).toHaveValue(`Essai : ${c.what}`);
			expect(counts(), c.what).toEqual(before);
			await checkA11y(page);
		}
	});

	test('hiding a document removes it from the professional API', async ({ page, request }) => {
		await signIn(page, PARENT);
		const db = readDb();
		const target = db
			.prepare(
				`select id, set_id from documents where person_id = ? and source = 'professional'
				 and deleted_at is null and invisible_to_patient = 0 and invisible_to_legal_representatives = 0
				 and superseded_at is null and hidden_from_professionals = 0 order by received_at desc limit 1`
			)
			.get(adrienId) as { id: string };
		db.close();
		const listedForPros = async () => {
			const response = await request.get(`/api/v1/persons/${ADRIEN_INS}/documents`, {
				headers: { Authorization: 'Bearer demo-ch' }
			});
			expect(response.status()).toBe(200);
			return ((await response.json()).documents as { id: string }[]).some(
				(d) => d.id === target.id
			);
		};
		expect(await listedForPros()).toBe(true);

		await page.goto(`/p/${adrienId}/documents/${target.id}`);
		await expect(
			page.getByText('Les professionnels de santé ne verront plus ce document.')
		).toBeVisible();
		await page.getByRole('button', { name: 'Masquer aux professionnels' }).click();
		await expect(page.getByTestId('hidden-mark')).toHaveText('Masqué aux professionnels');
		await expect(
			page.getByRole('status').filter({ hasText: 'masqué aux professionnels' })
		).toBeVisible();
		await checkA11y(page);
		await screenshot(page, 'document-masque');
		expect(await listedForPros()).toBe(false);
		const direct = await request.get(`/api/v1/documents/${target.id}`, {
			headers: { Authorization: 'Bearer demo-ch' }
		});
		expect(direct.status()).toBe(404);

		await page.getByRole('button', { name: 'Ne plus masquer ce document' }).click();
		await expect(page.getByTestId('hidden-mark')).toHaveCount(0);
		expect(await listedForPros()).toBe(true);

		const events = readDb();
		const actions = (
			events
				.prepare('select action, basis from access_events where object_id = ? order by id')
				.all(target.id) as { action: string; basis: string }[]
		).filter((e) => e.action.endsWith('hide_document'));
		events.close();
		expect(actions).toEqual([
			{ action: 'hide_document', basis: 'parental_authority' },
			{ action: 'unhide_document', basis: 'parental_authority' }
		]);
	});

	test('delete then restore', async ({ page }) => {
		await signIn(page, PARENT);
		await page.goto(`/p/${adrienId}/documents/ajouter`);
		await fillUpload(
			page,
			{ name: 'cr.pdf', mimeType: 'application/pdf', buffer: makePdf('Document a supprimer') },
			'Compte rendu à supprimer'
		);
		await expect(page).toHaveURL(/\?ajoute=1$/);
		const documentId = new URL(page.url()).pathname.split('/').pop()!;

		await page.getByText('Supprimer ce document…').click();
		await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
		await expect(page).toHaveURL(
			new RegExp(`/p/${adrienId}/documents/corbeille\\?supprime=${documentId}$`)
		);
		await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeVisible();
		await expect(page.getByRole('status')).toContainText(
			'« Compte rendu à supprimer » a été mis à la corbeille'
		);
		const item = page.getByRole('listitem').filter({ hasText: 'Compte rendu à supprimer' });
		await expect(item).toContainText('Sera effacé définitivement le');
		await checkA11y(page);

		// Gone from the list and from its own address.
		await page.goto(`/p/${adrienId}/documents`);
		await expect(page.getByRole('link', { name: 'Compte rendu à supprimer' })).toHaveCount(0);
		const gone = await page.request.get(`/p/${adrienId}/documents/${documentId}`);
		expect(gone.status()).toBe(404);

		await page.goto(`/p/${adrienId}/documents/corbeille`);
		await item.getByRole('button', { name: /Restaurer/ }).click();
		await expect(page).toHaveURL(
			new RegExp(`/p/${adrienId}/documents/${documentId}\\?restaure=1$`)
		);
		await expect(page.getByRole('status').filter({ hasText: 'restauré' })).toBeVisible();
		await checkA11y(page);

		const db = readDb();
		const actions = (
			db
				.prepare('select action from access_events where object_id = ? order by id')
				.all(documentId) as { action: string }[]
		).map((e) => e.action);
		db.close();
		expect(actions).toEqual(
			expect.arrayContaining(['add_document', 'delete_document', 'restore_document'])
		);
		expect(actions.indexOf('delete_document')).toBeLessThan(actions.indexOf('restore_document'));
	});

	test('a stranger cannot reach the upload page nor the bin', async ({ page }) => {
		await signIn(page, 'mallory@relais.test');
		for (const suffix of ['ajouter', 'corbeille']) {
			const response = await page.request.get(`/p/${adrienId}/documents/${suffix}`);
			expect(response.status(), suffix).toBe(404);
		}
	});
});

test('Samir’s DLU shows its latest version first, with version 1 in its history', async ({
	page
}) => {
	await signIn(page, 'samir@relais.test');
	const samirId = personIdByAccount('samir@relais.test');
	const db = readDb();
	const current = db
		.prepare(
			`select id, version from documents where person_id = ? and type_code = '74207-2'
			 and superseded_at is null and deleted_at is null`
		)
		.get(samirId) as { id: string; version: number };
	db.close();
	expect(current.version).toBeGreaterThanOrEqual(2);

	await page.goto(`/p/${samirId}/documents/${current.id}`);
	await expect(page.locator('dt:has-text("Version") + dd')).toHaveText(String(current.version));
	const previous = page.getByRole('region', { name: 'Versions précédentes' });
	await expect(previous.getByRole('link', { name: /^Version 1 du / })).toBeVisible();
	await checkA11y(page);
	await screenshot(page, 'document-dlu');

	// Printing: only the document and its details (no header, navigation, toolbars or actions).
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Rubriques de l’espace' })).toBeHidden();
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
	await page.screenshot({ path: path.join(SCREENS, 'document-dlu-print.png'), fullPage: true });
	await page.emulateMedia({ media: 'screen' });
	await expect(page.getByRole('button', { name: 'Imprimer' })).toBeVisible();

	await previous.getByRole('link', { name: /^Version 1 du / }).click();
	await expect(page.getByText('Ceci est une version précédente de ce document.')).toBeVisible();
	await expect(page.locator('dt:has-text("Version") + dd')).toHaveText('1');
	await expect(page.getByRole('link', { name: /Voir la version la plus récente/ })).toBeVisible();
	await checkA11y(page);
});
