/**
 * Issue 4, items 6 and 7 against the built server: a professional pushes a document for
 * Christiane; the SMTP server this test runs on loopback receives the emails (to Christiane and to
 * her daughter, a caregiver) without any health content; the document is marked "Nouveau" until
 * Christiane opens it; the daughter's profile switcher shows the count; the preference page works,
 * with and without JavaScript. axe on every page visited; screenshots of the home and /compte at
 * 360 and 1280 px in test-results/screenshots/ (also the daughter's switcher and the saved state).
 *
 * The server is started before the tests with SMTP_URL=smtp://127.0.0.1:<E2E_SMTP_PORT>
 * (playwright.config.ts); this test listens on that port. Emails queued before it listens are
 * retried by the server with a growing delay.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { makePdf } from '../support/pdf';
import { startLoopbackSmtp, type LoopbackSmtp, type ReceivedEmail } from '../support/smtp';
import { checkA11y, DEMO_PASSWORD, personIdByAccount, readDb, screenshot, signIn } from './support';

test.describe.configure({ mode: 'serial' });

const port = Number(process.env.E2E_PORT ?? 4173);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? port + 1000);

const CHRISTIANE = {
	ins: { matricule: '243056912304535', oid: '1.2.250.1.213.1.4.10' },
	traits: {
		birthName: 'DUBOIS',
		firstGivenName: 'CHRISTIANE',
		givenNames: 'CHRISTIANE MARIE',
		sex: 'F',
		birthDate: '1943-05-12',
		birthPlace: '69123'
	}
};
const TITLE = 'Ordonnance — bas de contention classe 2, renouvellement';
const AUTHOR = 'Dr Paul Girard';
/** Nothing of these may reach an email: title words, type, author, organisation. */
const FORBIDDEN = [TITLE, 'contention', 'ordonnance', 'prescription', 'Girard', 'médecin traitant'];

let smtp: LoopbackSmtp;

test.beforeAll(async () => {
	smtp = await startLoopbackSmtp(SMTP_PORT);
});

test.afterAll(async () => {
	await smtp?.close();
});

async function pushForChristiane(request: APIRequestContext, title = TITLE): Promise<string> {
	const response = await request.post('/api/v1/documents', {
		headers: { Authorization: 'Bearer demo-medecin' },
		data: {
			person: CHRISTIANE,
			document: {
				typeCode: '57833-6',
				title,
				authoredAt: new Date().toISOString(),
				authorName: AUTHOR
			},
			file: { mediaType: 'application/pdf', content: makePdf('Ordonnance').toString('base64') }
		}
	});
	expect(response.status(), await response.text()).toBe(201);
	return (await response.json()).documents[0].id as string;
}

function outboxFor(email: string): { id: number; sent_at: number | null }[] {
	const db = readDb();
	try {
		return db
			.prepare('select id, sent_at from email_outbox where recipient = ? order by id')
			.all(email) as { id: number; sent_at: number | null }[];
	} finally {
		db.close();
	}
}

function unopenedOfChristiane(): number {
	const db = readDb();
	try {
		const row = db
			.prepare(
				`select count(*) as n from documents d join accounts a on a.person_id = d.person_id
				 where a.email = 'christiane@relais.test' and d.deleted_at is null
				 and d.superseded_at is null and d.invisible_to_patient = 0 and d.first_opened_at is null`
			)
			.get() as { n: number };
		return row.n;
	} finally {
		db.close();
	}
}

function expectNoHealthContent(email: ReceivedEmail) {
	const all = `${email.raw}\n${email.subject}\n${email.text}`.toLowerCase();
	for (const word of FORBIDDEN) expect(all, word).not.toContain(word.toLowerCase());
}

let documentId: string;

test('a new document is announced by email, without health content', async ({ request }) => {
	documentId = await pushForChristiane(request);

	const toDaughter = await smtp.waitFor((m) =>
		m.envelopeTo.includes('fille-christiane@relais.test')
	);
	expect(toDaughter.subject).toBe("Nouveau document dans l'espace santé de Christiane");
	expect(toDaughter.text).toContain(
		"Un nouveau document est disponible dans l'espace de Christiane."
	);
	const christianeId = personIdByAccount('christiane@relais.test');
	expect(toDaughter.text).toContain(`/p/${christianeId}`);
	expectNoHealthContent(toDaughter);

	const toHolder = await smtp.waitFor((m) => m.envelopeTo.includes('christiane@relais.test'));
	expect(toHolder.subject).toBe('Nouveau document dans votre espace santé');
	expect(toHolder.text).toContain('Un nouveau document est disponible dans votre espace santé.');
	expectNoHealthContent(toHolder);

	// Nobody else reaches Christiane's space: nobody else is told.
	const others = smtp.received.filter(
		(m) =>
			m.text.includes(`/p/${christianeId}`) &&
			!m.envelopeTo.every((to) =>
				['christiane@relais.test', 'fille-christiane@relais.test'].includes(to)
			)
	);
	expect(others).toEqual([]);
	// Delivered: the outbox row is marked sent.
	await expect.poll(() => outboxFor('christiane@relais.test').at(-1)?.sent_at).not.toBeNull();
});

test('the daughter sees the count of new documents in the switcher', async ({ page }) => {
	const expected = unopenedOfChristiane();
	expect(expected).toBeGreaterThan(0);
	const label = expected === 1 ? '1 nouveau document' : `${expected} nouveaux documents`;

	await signIn(page, 'fille-christiane@relais.test');
	// Two spaces: the chooser, with the count on Christiane's card.
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Quel espace santé');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Christiane Dubois' }).getByText(label)
	).toBeVisible();
	await checkA11y(page);

	await page.goto(`/p/${personIdByAccount('fille-christiane@relais.test')}`);
	const switcher = page.getByRole('navigation', { name: 'Changer d’espace santé' });
	await expect(switcher.getByRole('link', { name: /Christiane Dubois/ })).toContainText(
		`— ${label}`
	);
	await checkA11y(page);
	await screenshot(page, 'aidante');
});

test('"Nouveau" until Christiane opens it', async ({ page }) => {
	await signIn(page, 'christiane@relais.test');
	await expect(page.getByRole('heading', { name: 'Nouveaux documents' })).toBeVisible();
	const item = page.getByRole('listitem').filter({ hasText: TITLE }).first();
	await expect(item.getByText('Nouveau', { exact: true })).toBeVisible();
	await expect(page.getByTestId('new-count')).toContainText('nouveau');
	await checkA11y(page);
	await screenshot(page, 'accueil');

	// In the documents list too.
	await page.goto(`/p/${personIdByAccount('christiane@relais.test')}/documents`);
	const listed = page.getByRole('listitem').filter({ hasText: TITLE });
	await expect(listed.getByText('Nouveau', { exact: true })).toBeVisible();
	await checkA11y(page);

	const before = unopenedOfChristiane();
	await listed.getByRole('link', { name: TITLE }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(TITLE);
	await checkA11y(page);
	expect(unopenedOfChristiane()).toBe(before - 1);

	await page.goto(`/p/${personIdByAccount('christiane@relais.test')}/documents`);
	await expect(
		page.getByRole('listitem').filter({ hasText: TITLE }).getByText('Nouveau', { exact: true })
	).toHaveCount(0);
	await page.goto(`/p/${personIdByAccount('christiane@relais.test')}`);
	await expect(
		page.getByRole('listitem').filter({ hasText: TITLE }).getByText('Nouveau', { exact: true })
	).toHaveCount(0);
	expect(documentId).toBeTruthy();
});

test('the preference turns the emails off and on, with JavaScript', async ({ page, request }) => {
	await signIn(page, 'christiane@relais.test');
	await page.goto('/compte');
	await checkA11y(page);
	await screenshot(page, 'compte');
	const box = page.getByLabel('Me prévenir par e-mail quand un nouveau document arrive');
	await expect(box).toBeChecked();
	await box.uncheck();
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status')).toHaveText('Vos préférences sont enregistrées.');
	await expect(box).not.toBeChecked();
	await checkA11y(page);
	await screenshot(page, 'compte-enregistre');

	const before = outboxFor('christiane@relais.test').length;
	await pushForChristiane(request, 'Compte rendu — sans e-mail');
	expect(outboxFor('christiane@relais.test').length).toBe(before);

	await box.check();
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status')).toHaveText('Vos préférences sont enregistrées.');
	await expect(box).toBeChecked();
});

test('the preference page works without JavaScript', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
	const page = await context.newPage();
	try {
		// Signed in by hand: axe (checkA11y) needs JavaScript; the pages were checked above.
		await page.goto('/connexion');
		await page.getByLabel('Adresse e-mail').fill('parent-elliot@relais.test');
		await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page).not.toHaveURL(/\/connexion/);
		await page.goto('/compte');
		const box = page.getByLabel('Me prévenir par e-mail quand un nouveau document arrive');
		await box.uncheck();
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page).toHaveURL(/\/compte\?enregistre=1$/);
		await expect(page.getByRole('status')).toHaveText('Vos préférences sont enregistrées.');
		await expect(box).not.toBeChecked();
		await box.check();
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(box).toBeChecked();
	} finally {
		await context.close();
	}
});
