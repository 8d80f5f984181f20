/**
 * The real ANS examples pushed by a professional's software, as the person then reads them in the
 * portal: right category, title, author and date, readable in the viewer (PDF, or the rendered
 * structured body in a sandboxed frame).
 */
import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { checkA11y, personIdByAccount, signIn, test } from './support';

const FIXTURES = path.resolve('../shared/fixtures/cda');

const cases = [
	{
		file: 'DOC_NON_STRUCTURE_CDA-R2-N1.xml',
		category: 'Biologie',
		author: 'Dr Marcel CAMPARINI',
		date: 'jeudi 1 avril 2021',
		kind: 'pdf'
	},
	{
		file: 'LDL-SES_2022.01.xml',
		category: 'Comptes rendus',
		author: 'Dr Charles DAVID',
		date: 'mardi 3 décembre 2019',
		kind: 'html'
	},
	{
		file: 'VAC-NOTE_2023.01.xml',
		category: 'Vaccination',
		author: 'Dr Charles MULLER',
		date: 'vendredi 9 avril 2021',
		kind: 'html'
	}
] as const;

for (const c of cases) {
	test(`${c.file}: pushed by the API, read by Dominique in the portal`, async ({
		page,
		request
	}) => {
		const response = await request.post('/api/v1/documents', {
			headers: { Authorization: 'Bearer demo-ch', 'Content-Type': 'application/hl7-cda+xml' },
			data: fs.readFileSync(path.join(FIXTURES, c.file), 'utf8')
		});
		expect([200, 201], await response.text()).toContain(response.status());
		const [doc] = (await response.json()).documents as { id: string; title: string }[];

		await signIn(page, 'dominique@relais.test');
		const profile = personIdByAccount('dominique@relais.test');
		await page.goto(`/p/${profile}/documents`);
		const group = page.getByRole('region', { name: new RegExp(`^${c.category}`) });
		await expect(group.getByRole('link', { name: doc!.title }).first()).toBeVisible();

		await page.goto(`/p/${profile}/documents/${doc!.id}`);
		await expect(page.getByRole('heading', { level: 1, name: doc!.title })).toBeVisible();
		const meta = page.locator('dl');
		await expect(meta).toContainText(c.category);
		await expect(meta).toContainText(c.author);
		await expect(meta).toContainText(c.date);
		if (c.kind === 'pdf') {
			const canvas = page.locator('[data-testid="pdf-viewer"] canvas[data-page-number="1"]');
			await expect(canvas).toHaveAttribute('data-rendered', 'true', { timeout: 15_000 });
		} else {
			const frame = page.frameLocator('iframe.structured');
			await expect(frame.locator('section').first()).toBeVisible();
			expect(await page.locator('iframe.structured').getAttribute('sandbox')).toBe('');
		}
		await checkA11y(page);
	});
}
