import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export const DEMO_PASSWORD = 'relais-demo-2026';

/** The e2e server's real SQLite file (opened read-only to find ids the UI never shows). */
export function readDb() {
	const file = path.resolve(process.env.DATA_DIR ?? '.tmp/e2e-data', 'relais.db');
	return new Database(file, { readonly: true, fileMustExist: true });
}

export function personIdByIns(ins: string): string {
	const db = readDb();
	try {
		const row = db.prepare('select id from persons where ins_matricule = ?').get(ins) as
			{ id: string } | undefined;
		if (!row) throw new Error(`no person with INS ${ins}`);
		return row.id;
	} finally {
		db.close();
	}
}

export function personIdByAccount(email: string): string {
	const db = readDb();
	try {
		const row = db.prepare('select person_id as id from accounts where email = ?').get(email) as
			{ id: string } | undefined;
		if (!row) throw new Error(`no account ${email}`);
		return row.id;
	} finally {
		db.close();
	}
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/connexion');
	await checkA11y(page);
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe').fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).not.toHaveURL(/\/connexion/);
}

/** Signs in over plain HTTP (no browser) and returns the session cookie header. */
export async function signInRequest(
	request: APIRequestContext,
	baseURL: string,
	email: string
): Promise<string> {
	const response = await request.post('/connexion', {
		form: { email, password: DEMO_PASSWORD },
		headers: { Origin: baseURL, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `sign-in of ${email}`).toBe(303);
	const setCookie = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie');
	const cookie = setCookie?.value.split(';')[0];
	if (!cookie) throw new Error('no session cookie');
	return cookie;
}

/** Full-page screenshots at 360 and 1280 px, in test-results/screenshots/NAME-WIDTH.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
	const dir = path.resolve('test-results', 'screenshots');
	fs.mkdirSync(dir, { recursive: true });
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

/** axe-core finds no violation on the page as it is now. */
export async function checkA11y(page: Page): Promise<void> {
	// Sandboxed frames (the rendered body of a structured document) run no script, so axe cannot be
	// injected there; their HTML comes from our allow-list renderer.
	const results = await new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Playwright's `test` with a page that fails the test on any Content-Security-Policy violation
 * or uncaught page error (quality.md: 0 CSP violations).
 */
export const test = base.extend({
	page: async ({ page }, use) => {
		const problems: string[] = [];
		page.on('console', (message) => {
			if (
				message.type() === 'error' &&
				/Content Security Policy|Refused to/i.test(message.text())
			) {
				problems.push(message.text());
			}
		});
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		await use(page);
		expect(problems, 'CSP violations and page errors').toEqual([]);
	}
});
