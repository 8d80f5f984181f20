import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verify } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, type Db } from '../db';
import { accessGrants, accounts, documents, organisations, persons } from '../db/schema';
import * as storage from '../documents/storage';
import { isValidMatricule } from '../identity/ins';
import { demoApiKeys, demoDocuments, demoPersons } from './personas';
import { DEMO_PASSWORD, demoSignIns, seedDemo } from './seed';
import * as search from '../documents/search';

/** domain.md "Demo accounts" — a contract. */
const domainEmails = [
	'irene@relais.test',
	'eleanore@relais.test',
	'daniel@relais.test',
	'samir@relais.test',
	'ginaud@relais.test',
	'johanna@relais.test',
	'ivan@relais.test',
	'patrick@relais.test',
	'rita@relais.test',
	'christiane@relais.test',
	'louis@relais.test',
	'claude@relais.test',
	'fille-christiane@relais.test',
	'fille-rita@relais.test',
	'parent1-adrien@relais.test',
	'parent2-adrien@relais.test',
	'parent1-lucas@relais.test',
	'parent2-lucas@relais.test',
	'parent-elliot@relais.test',
	'tuteur-claude@relais.test',
	'curatrice-louis@relais.test',
	'mallory@relais.test',
	'dominique@relais.test'
];

/** domain.md "Demo identities" — a contract. */
const domainIdentities = [
	['238027306501056', 'FAURE', 'Irène Jeanne', 'F', '1938-02-25', '73065'],
	['243056912304535', 'DUBOIS', 'Christiane Marie', 'F', '1943-05-12', '69123'],
	['237070105308883', 'PERRIN', 'Rita', 'F', '1937-07-07', '01053'],
	['166016926605823', 'BERNARD', 'Louis Henri', 'M', '1966-01-30', '69266'],
	['180032A00401289', 'COLONNA', 'Ivan', 'M', '1980-03-14', '2A004'],
	['179112636214469', 'GARNIER', 'Patrick Alain', 'M', '1979-11-08', '26362'],
	['116066311320181', 'LEFEBVRE', 'Adrien Paul', 'M', '2016-06-20', '63113'],
	['122027401003365', 'MOREAU', 'Lucas', 'M', '2022-02-14', '74010'],
	['111093818511245', 'MARTIN', 'Elliot Noah', 'M', '2011-09-02', '38185'],
	['210044221807765', 'ROUX', 'Elise Camille', 'F', '2010-04-18', '42218'],
	['279035121518989', 'PAT-TROIS', 'DOMINIQUE MARIE-LOUISE', 'F', '1979-03-28', '51215']
] as const;

/** domain.md personas table. */
const domainPersonas = [
	'Irène',
	'Eléanore',
	'Daniel',
	'Christiane',
	'Samir',
	'Louis',
	'Monsieur Claude',
	'Monsieur Ginaud',
	'Johanna',
	'Ivan',
	'Patrick',
	'Adrien',
	'Lucas',
	'Elliot',
	'Elise',
	'Rita',
	'Dominique'
];

const domainOrganisations = [
	['Centre hospitalier de démonstration', 'hospital', 'demo-ch'],
	['Dr Girard, médecin traitant', 'gp', 'demo-medecin'],
	['Pharmacie du Parc', 'pharmacy', 'demo-pharmacie'],
	['Cabinet infirmier des Tilleuls', 'nurse', 'demo-infirmier'],
	['Laboratoire d’analyses', 'lab', 'demo-labo'],
	['EHPAD Iris', 'ehpad', 'demo-ehpad-iris'],
	['DIME la Violette', 'dime', 'demo-dime'],
	['CAMSP', 'camsp', 'demo-camsp'],
	['ESAT des Espaces verts', 'esat', 'demo-esat'],
	['MDPH', 'mdph', 'demo-mdph']
] as const;

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-25T10:00:00Z');

let dir: string;
let db: Db;
let result: ReturnType<typeof seedDemo>;

function personByIns(ins: string) {
	return db.select().from(persons).where(eq(persons.insMatricule, ins)).get()!;
}
function accountByEmail(email: string) {
	return db.select().from(accounts).where(eq(accounts.email, email)).get()!;
}
function docsOf(personId: string) {
	return db.select().from(documents).where(eq(documents.personId, personId)).all();
}
function insOf(key: string) {
	return demoPersons.find((p) => p.key === key)!.insMatricule;
}

beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-seed-'));
	process.env.DATA_DIR = dir;
	delete process.env.STORAGE_KEY;
	db = open(path.join(dir, 'relais.db'));
	result = seedDemo(db, now);
});

afterAll(async () => {
	// Text extraction runs in the background after ingest: let it finish before closing.
	await search.idle();
	db?.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('seedDemo', () => {
	it('loads every account, person and document', () => {
		expect(result).toEqual({ accounts: 23, persons: 27, documents: demoDocuments.length });
		expect(db.select().from(accounts).all()).toHaveLength(23);
		expect(db.select().from(persons).all()).toHaveLength(27);
		expect(db.select().from(documents).all()).toHaveLength(demoDocuments.length);
	});

	it('creates the ten demo organisations of domain.md', () => {
		const rows = db.select().from(organisations).all();
		expect(rows).toHaveLength(10);
		for (const [name, kind, key] of domainOrganisations) {
			const row = rows.find((r) => r.name === name);
			expect(row, name).toBeDefined();
			expect(row!.kind).toBe(kind);
			expect(row!.finess).toMatch(/^\d{9}$/);
			expect(row!.mssAddress).toMatch(/^[a-z.-]+@[a-z-]+\.mssante\.fr$/);
			expect(demoApiKeys[name]).toBe(key);
		}
	});

	it('has every persona of domain.md, with the identities given there', () => {
		for (const name of domainPersonas) {
			const p = demoPersons.find((x) => x.persona === name);
			expect(p, name).toBeDefined();
			expect(personByIns(p!.insMatricule), name).toBeDefined();
		}
		for (const [ins, birthName, givenNames, sex, birthDate, birthPlace] of domainIdentities) {
			const row = personByIns(ins);
			expect(row).toMatchObject({
				insOid: '1.2.250.1.213.1.4.10',
				identityStatus: 'QUAL',
				birthName,
				givenNames,
				firstGivenName: givenNames.split(' ')[0],
				sex,
				birthDate,
				birthPlace
			});
		}
	});

	it('gives every person a valid INS consistent with sex, birth date and birth place', () => {
		for (const row of db.select().from(persons).all()) {
			const m = row.insMatricule!;
			expect(isValidMatricule(m), m).toBe(true);
			expect(row.insOid).toBe('1.2.250.1.213.1.4.10');
			expect(row.identityStatus).toBe('QUAL');
			expect(m[0], m).toBe(row.sex === 'M' ? '1' : '2');
			expect(m.slice(1, 3), m).toBe(row.birthDate.slice(2, 4));
			expect(m.slice(3, 5), m).toBe(row.birthDate.slice(5, 7));
			expect(m.slice(5, 10), m).toBe(row.birthPlace);
		}
	});

	it('creates exactly the demo accounts of domain.md, each with its own person', async () => {
		const rows = db.select().from(accounts).all();
		expect(rows.map((r) => r.email).sort()).toEqual([...domainEmails].sort());
		expect(demoSignIns().sort()).toEqual([...domainEmails].sort());
		const personIds = new Set(rows.map((r) => r.personId));
		expect(personIds.size).toBe(rows.length);
		expect(rows.every((r) => r.personId !== null)).toBe(true);
		// One hash shared by all, argon2id with the parameters of quality.md.
		expect(new Set(rows.map((r) => r.passwordHash)).size).toBe(1);
		expect(rows[0]!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verify(rows[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);
	});

	it('grants self access to every account and the legal and caregiver grants of domain.md', () => {
		const grants = db.select().from(accessGrants).all();
		const rows = db.select().from(accounts).all();
		for (const a of rows) {
			expect(
				grants.some((g) => g.accountId === a.id && g.personId === a.personId && g.basis === 'self'),
				a.email
			).toBe(true);
		}
		const has = (email: string, personKey: string, basis: string) =>
			grants.some(
				(g) =>
					g.accountId === accountByEmail(email).id &&
					g.personId === personByIns(insOf(personKey)).id &&
					g.basis === basis
			);
		expect(has('parent1-adrien@relais.test', 'adrien', 'parental_authority')).toBe(true);
		expect(has('parent2-adrien@relais.test', 'adrien', 'parental_authority')).toBe(true);
		expect(has('parent1-lucas@relais.test', 'lucas', 'parental_authority')).toBe(true);
		expect(has('parent2-lucas@relais.test', 'lucas', 'parental_authority')).toBe(true);
		expect(has('parent-elliot@relais.test', 'elliot', 'parental_authority')).toBe(true);
		expect(has('tuteur-claude@relais.test', 'claude', 'guardianship')).toBe(true);

		// The curatrice reaches only her own space.
		const curatrice = accountByEmail('curatrice-louis@relais.test');
		expect(grants.filter((g) => g.accountId === curatrice.id)).toHaveLength(1);
		const mallory = accountByEmail('mallory@relais.test');
		expect(grants.filter((g) => g.accountId === mallory.id)).toHaveLength(1);

		for (const [email, mother, holder] of [
			['fille-christiane@relais.test', 'christiane', 'christiane@relais.test'],
			['fille-rita@relais.test', 'rita', 'rita@relais.test']
		] as const) {
			const g = grants.find(
				(x) =>
					x.accountId === accountByEmail(email).id && x.personId === personByIns(insOf(mother)).id
			)!;
			expect(g.basis).toBe('caregiver');
			expect(g.scopes).toEqual(['documents', 'inbox', 'appointments', 'send_documents']);
			expect(g.categories).toEqual([]);
			expect(g.startsAt.getTime()).toBe(now.getTime() - 30 * DAY);
			expect(g.endsAt!.toISOString()).toBe('2027-05-25T10:00:00.000Z');
			expect(g.grantedByAccountId).toBe(accountByEmail(holder).id);
			expect(g.revokedAt).toBeNull();
		}
	});

	it('records legal situations: curatelle, tutelle, excluded minor', () => {
		expect(personByIns(insOf('louis')).protection).toBe('curatorship');
		const claude = personByIns(insOf('claude'));
		expect(claude.protection).toBe('guardianship');
		expect(claude.keepsOwnAccess).toBe(true);
		const elise = personByIns('210044221807765');
		expect(elise.exclusion).toBe('insured_in_own_right');
		expect(elise.spaceStatus).toBe('excluded');
		expect(db.select().from(accounts).where(eq(accounts.personId, elise.id)).all()).toHaveLength(0);
		expect(
			db.select().from(accessGrants).where(eq(accessGrants.personId, elise.id)).all()
		).toHaveLength(0);
		expect(docsOf(elise.id)).toHaveLength(0);
		for (const minor of ['adrien', 'lucas', 'elliot']) {
			const p = personByIns(insOf(minor));
			expect(db.select().from(accounts).where(eq(accounts.personId, p.id)).all()).toHaveLength(0);
		}
	});

	it('gives every persona but Elise documents', () => {
		for (const p of demoPersons.filter((x) => x.persona && x.key !== 'elise')) {
			const n = docsOf(personByIns(p.insMatricule).id).length;
			if (p.key === 'dominique') expect(n).toBe(1);
			else {
				expect(n, p.key).toBeGreaterThanOrEqual(2);
				expect(n, p.key).toBeLessThanOrEqual(5);
			}
		}
	});

	it('is a no-op the second time', () => {
		expect(seedDemo(db, now)).toEqual({ accounts: 0, persons: 0, documents: 0 });
		expect(db.select().from(accounts).all()).toHaveLength(23);
		expect(db.select().from(documents).all()).toHaveLength(demoDocuments.length);
	});

	it('stores Samir’s DLU as two versions, the second replacing the first', () => {
		const dlus = docsOf(personByIns(insOf('samir')).id)
			.filter((d) => d.typeCode === '74207-2')
			.sort((a, b) => a.version - b.version);
		expect(dlus).toHaveLength(2);
		const [v1, v2] = dlus as [(typeof dlus)[0], (typeof dlus)[0]];
		expect(v1.setId).toBe(v2.setId);
		expect([v1.version, v2.version]).toEqual([1, 2]);
		expect(v2.replacesDocumentId).toBe(v1.id);
		expect(v1.supersededAt).toEqual(v2.receivedAt);
		expect(v2.supersededAt).toBeNull();
		expect(v2.authoredAt.getTime()).toBeGreaterThan(v1.authoredAt.getTime());
		expect(v2.category).toBe('dlu');
	});

	it('keeps Elliot’s consultation report under the minor’s secret', () => {
		const docs = docsOf(personByIns(insOf('elliot')).id);
		const secret = docs.filter((d) => d.invisibleToLegalRepresentatives);
		expect(secret).toHaveLength(1);
		expect(secret[0]!.title.toLowerCase()).toContain('consultation');
		expect(docs.filter((d) => !d.invisibleToLegalRepresentatives).length).toBeGreaterThanOrEqual(2);
		const others = db
			.select()
			.from(documents)
			.where(eq(documents.invisibleToLegalRepresentatives, true))
			.all();
		expect(others).toHaveLength(1);
	});

	it('tells the mandatory story points', () => {
		const irene = docsOf(personByIns(insOf('irene')).id);
		const girard = db
			.select()
			.from(organisations)
			.where(eq(organisations.name, 'Dr Girard, médecin traitant'))
			.get()!;
		const ordonnance = irene.find(
			(d) => d.typeCode === '57833-6' && d.organisationId === girard.id
		)!;
		expect(ordonnance.category).toBe('ordonnances');
		expect(ordonnance.authorName).toContain('Girard');
		const text = storage.get(ordonnance.blobRef, ordonnance.sha256).toString('latin1');
		expect(text).toContain('pansement');

		const christiane = docsOf(personByIns(insOf('christiane')).id).sort(
			(a, b) => b.receivedAt.getTime() - a.receivedAt.getTime()
		);
		expect(christiane[0]!.category).toBe('ordonnances');
		expect(christiane[0]!.authoredAt.getTime()).toBe(
			Math.max(...christiane.map((d) => d.authoredAt.getTime()))
		);

		const categoriesOf = (key: string) => docsOf(personByIns(insOf(key)).id).map((d) => d.category);
		expect(categoriesOf('rita')).toEqual(expect.arrayContaining(['dlu', 'projet-personnalise']));
		expect(categoriesOf('samir')).toContain('projet-personnalise');
		expect(categoriesOf('adrien')).toEqual(
			expect.arrayContaining(['mdph', 'projet-personnalise', 'comptes-rendus', 'ordonnances'])
		);
		expect(categoriesOf('lucas')).toEqual(expect.arrayContaining(['ordonnances', 'mdph']));
		expect(categoriesOf('louis')).toContain('comptes-rendus');
		expect(categoriesOf('claude')).toContain('comptes-rendus');
		expect(categoriesOf('patrick')).toContain('mdph');

		const dominique = docsOf(personByIns('279035121518989').id);
		expect(dominique).toHaveLength(1);
		expect(dominique[0]).toMatchObject({
			typeCode: '11502-2',
			category: 'biologie',
			title: 'Compte rendu d’examens biologiques',
			authorName: 'Dr Marcel Camparini'
		});
		expect(dominique[0]!.authoredAt.toISOString()).toBe('2021-04-01T12:47:45.000Z');
		const asset = fs.readFileSync(
			path.join(import.meta.dirname, 'assets', 'lab-report-dominique.pdf')
		);
		expect(dominique[0]!.sha256).toBe(createHash('sha256').update(asset).digest('hex'));
	});

	it('dates every document in the past, relative to the seeding time', () => {
		for (const d of db.select().from(documents).all()) {
			expect(d.authoredAt.getTime()).toBeLessThanOrEqual(now.getTime());
			expect(d.receivedAt.getTime()).toBeLessThanOrEqual(now.getTime());
			expect(d.receivedAt.getTime()).toBeGreaterThanOrEqual(d.authoredAt.getTime());
		}
	});

	it('stores bytes that read back intact as PDFs', () => {
		const rows = db.select().from(documents).all();
		for (const d of rows) {
			const bytes = storage.get(d.blobRef, d.sha256);
			expect(createHash('sha256').update(bytes).digest('hex')).toBe(d.sha256);
			expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(d.size).toBe(bytes.length);
			expect(d.mediaType).toBe('application/pdf');
			expect(d.source).toBe('professional');
		}
		// Nothing of the stored files is in plain text on disk.
		const blob = fs.readFileSync(
			path.join(dir, 'documents', rows[0]!.blobRef.slice(0, 2), rows[0]!.blobRef)
		);
		expect(blob.subarray(0, 4).toString('latin1')).toBe('RLS1');
		expect(blob.includes(Buffer.from('%PDF-'))).toBe(false);
		expect(
			db
				.select()
				.from(documents)
				.where(and(eq(documents.typeCode, 'MDPH-NOTIF'), eq(documents.category, 'mdph')))
				.all().length
		).toBeGreaterThanOrEqual(4);
	});
});
