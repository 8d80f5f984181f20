/**
 * The access matrix of quality.md: every route × every demo account (and anonymous) over HTTP
 * against the built server. The expectations are written out by hand from domain.md — they do not
 * call the policy — and a route that is not listed here fails the first test.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { readDb, signInRequest } from './support';

type Ctx = { profileId: string; documentId: string };

/** Every route of the app, with how to build its URL for a person and one of their documents. */
const personRoutes: Record<string, (c: Ctx) => string> = {
	'/(app)/p/[profileId]': (c) => `/p/${c.profileId}`,
	'/(app)/p/[profileId]/documents': (c) => `/p/${c.profileId}/documents`,
	'/(app)/p/[profileId]/historique': (c) => `/p/${c.profileId}/historique`,
	'/(app)/p/[profileId]/documents/ajouter': (c) => `/p/${c.profileId}/documents/ajouter`,
	'/(app)/p/[profileId]/documents/corbeille': (c) => `/p/${c.profileId}/documents/corbeille`,
	'/(app)/p/[profileId]/documents/[documentId]': (c) =>
		`/p/${c.profileId}/documents/${c.documentId}`,
	'/(app)/p/[profileId]/documents/[documentId]/fichier': (c) =>
		`/p/${c.profileId}/documents/${c.documentId}/fichier`
};
/** Routes that hold no person data: reachable by anyone (or any signed-in account). */
const publicRoutes = [
	'/(public)/connexion',
	'/(public)/etat',
	'/deconnexion',
	'/(app)',
	'/(app)/compte',
	'/',
	'/api/v1/openapi.json'
];
/**
 * The professional API: Bearer keys only — a person's session cookie opens nothing there. What
 * each organisation may read is covered by tests/e2e/api.test.ts.
 */
const apiRoutes: Record<
	string,
	{ method: 'GET' | 'POST'; url: (c: Ctx & { ins: string }) => string }
> = {
	'/api/v1/documents': { method: 'POST', url: () => '/api/v1/documents' },
	'/api/v1/documents/[id]': { method: 'GET', url: (c) => `/api/v1/documents/${c.documentId}` },
	'/api/v1/documents/[id]/content': {
		method: 'GET',
		url: (c) => `/api/v1/documents/${c.documentId}/content`
	},
	'/api/v1/persons/[ins]/documents': {
		method: 'GET',
		url: (c) => `/api/v1/persons/${c.ins}/documents`
	}
};

function routeIds(dir: string, base = ''): string[] {
	const ids: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory())
			ids.push(...routeIds(path.join(dir, entry.name), `${base}/${entry.name}`));
		else if (/^\+(page|server)\.(svelte|ts|js)$/.test(entry.name)) ids.push(base || '/');
	}
	return [...new Set(ids)];
}

test('every route has a row in the access matrix', () => {
	const missing = routeIds('src/routes').filter(
		(id) => !(id in personRoutes) && !(id in apiRoutes) && !publicRoutes.includes(id)
	);
	expect(missing, 'routes without a row in the access matrix').toEqual([]);
});

/** Who reaches whom, from domain.md. Keys: the person's own account, or "ins:" for minors. */
const holders = [
	'irene',
	'eleanore',
	'daniel',
	'samir',
	'ginaud',
	'johanna',
	'ivan',
	'patrick',
	'rita',
	'christiane',
	'louis',
	'claude',
	'mallory',
	'dominique',
	'curatrice-louis',
	'fille-christiane',
	'fille-rita',
	'parent1-adrien',
	'parent2-adrien',
	'parent1-lucas',
	'parent2-lucas',
	'parent-elliot',
	'tuteur-claude'
].map((name) => `${name}@relais.test`);

/** Routes only the person and legal representatives reach — not delegations (caregivers). */
// (The demo caregivers' scopes do not include adding documents either.)
const legalOnly = new Set([
	'/(app)/p/[profileId]/historique',
	'/(app)/p/[profileId]/documents/ajouter',
	'/(app)/p/[profileId]/documents/corbeille'
]);
const caregivers = new Set(['fille-christiane@relais.test', 'fille-rita@relais.test']);

const ADRIEN = 'ins:116066311320181';
const LUCAS = 'ins:122027401003365';
const ELLIOT = 'ins:111093818511245';
const ELISE = 'ins:210044221807765';

const reaches: Record<string, string[]> = {
	'fille-christiane@relais.test': ['christiane@relais.test'],
	'fille-rita@relais.test': ['rita@relais.test'],
	'parent1-adrien@relais.test': [ADRIEN],
	'parent2-adrien@relais.test': [ADRIEN],
	'parent1-lucas@relais.test': [LUCAS],
	'parent2-lucas@relais.test': [LUCAS],
	'parent-elliot@relais.test': [ELLIOT],
	'tuteur-claude@relais.test': ['claude@relais.test']
};

type PersonRow = { key: string; id: string; docs: { id: string; secret: boolean }[] };

function loadPersons(): PersonRow[] {
	const db = readDb();
	try {
		const persons = db
			.prepare(
				`select p.id, p.ins_matricule as ins, a.email from persons p
				 left join accounts a on a.person_id = p.id`
			)
			.all() as { id: string; ins: string; email: string | null }[];
		const docs = db.prepare(
			`select id, invisible_to_legal_representatives as secret from documents
			 where person_id = ? and deleted_at is null and invisible_to_patient = 0`
		);
		return persons.map((p) => ({
			key: p.email ?? `ins:${p.ins}`,
			id: p.id,
			docs: (docs.all(p.id) as { id: string; secret: number }[]).map((d) => ({
				id: d.id,
				secret: d.secret === 1
			}))
		}));
	} finally {
		db.close();
	}
}

test('the matrix covers every persona of domain.md', () => {
	const keys = loadPersons().map((p) => p.key);
	for (const key of [...holders, ADRIEN, LUCAS, ELLIOT, ELISE]) expect(keys).toContain(key);
});

test('anonymous requests reach no person data', async ({ request }) => {
	for (const person of loadPersons()) {
		const ctx = { profileId: person.id, documentId: person.docs[0]?.id ?? 'none' };
		for (const build of Object.values(personRoutes)) {
			const response = await request.get(build(ctx), { maxRedirects: 0 });
			expect([303, 404], build(ctx)).toContain(response.status());
			if (response.status() === 303) expect(response.headers()['location']).toBe('/connexion');
		}
	}
});

test('a person’s session opens nothing in the professional API', async ({ request, baseURL }) => {
	const cookie = await signInRequest(request, baseURL!, 'christiane@relais.test');
	const own = loadPersons().find((p) => p.key === 'christiane@relais.test')!;
	const ctx = { profileId: own.id, documentId: own.docs[0]!.id, ins: '243056912304535' };
	for (const [routeId, route] of Object.entries(apiRoutes)) {
		const response = await request.fetch(route.url(ctx), {
			method: route.method,
			headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: baseURL! },
			data: route.method === 'POST' ? '{}' : undefined
		});
		expect(response.status(), routeId).toBe(401);
	}
	const openapi = await request.get('/api/v1/openapi.json');
	expect(openapi.status()).toBe(200);
});

for (const email of holders) {
	test(`access matrix for ${email}`, async ({ request, baseURL }) => {
		const cookie = await signInRequest(request, baseURL!, email);
		const persons = loadPersons();
		const own = persons.find((p) => p.key === email);
		expect(own, 'own space').toBeTruthy();
		const allowed = new Set([email, ...(reaches[email] ?? [])]);

		for (const person of persons) {
			const mayReach = allowed.has(person.key);
			const docs = person.docs.length > 0 ? person.docs : [{ id: 'aucun', secret: false }];
			for (const doc of docs) {
				const ctx = { profileId: person.id, documentId: doc.id };
				for (const [routeId, build] of Object.entries(personRoutes)) {
					const url = build(ctx);
					const response = await request.get(url, { headers: { Cookie: cookie }, maxRedirects: 0 });
					const isDocRoute = routeId.includes('[documentId]');
					const delegated = person.key !== email && caregivers.has(email);
					// The minor's secret is hidden from everyone but the person.
					const secretFromMe = doc.secret && person.key !== email;
					const expected =
						mayReach &&
						(!isDocRoute || (doc.id !== 'aucun' && !secretFromMe)) &&
						!(delegated && legalOnly.has(routeId))
							? 200
							: 404;
					expect(response.status(), `${email} → ${routeId} of ${person.key}`).toBe(expected);
				}
			}
		}

		// Forged ids: another person's document under a profile I reach answers 404.
		const foreign = persons.find((p) => !allowed.has(p.key) && p.docs.length > 0);
		if (own && foreign?.docs[0]) {
			for (const suffix of ['', '/fichier']) {
				const url = `/p/${own.id}/documents/${foreign.docs[0].id}${suffix}`;
				const response = await request.get(url, { headers: { Cookie: cookie }, maxRedirects: 0 });
				expect(response.status(), `forged ${url}`).toBe(404);
			}
		}
	});
}
