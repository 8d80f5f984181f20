/**
 * Full-text search over the real demo data in a real SQLite file: the text extracted from the
 * demo PDFs, accents and case, prefixes, hostile query syntax, the minor's secret, filters.
 */
import { and, eq } from 'drizzle-orm';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentFilter } from '../../src/lib/server/access/policy';
import { open, type Db } from '../../src/lib/server/db';
import { documents } from '../../src/lib/server/db/schema';
import { ingest } from '../../src/lib/server/documents/ingest';
import * as queries from '../../src/lib/server/documents/queries';
import * as search from '../../src/lib/server/documents/search';
import { htmlText } from '../../src/lib/server/documents/text';
import { closeDemoDb, openDemoDb, personIdByIns } from '../support/demo-db';
import { isoDate } from '../../src/lib/format';

let dir: string;
let db: Db;

const INS = { irene: '238027306501056', elliot: '111093818511245' };

/** What a legal representative (a parent) may see: everything but the minor's secret. */
const parent: DocumentFilter = {
	excludeInvisibleToPatient: true,
	excludeSecretFromRepresentatives: true,
	categories: null
};
/** What the person themself may see (basis self). */
const self: DocumentFilter = { ...parent, excludeSecretFromRepresentatives: false };

const personId = (ins: string) => personIdByIns(db, ins);

function find(ins: string, text: string, filter = self, extra: queries.ListFilters = {}) {
	const result = search.search(db, personId(ins), filter, {
		text,
		limit: 50,
		offset: 0,
		...extra
	});
	return result ?? { total: -1, items: [] };
}

beforeAll(async () => {
	({ dir, db } = openDemoDb('search'));
	await search.idle();
});

afterAll(() => closeDemoDb({ dir, db }));

describe('text extraction at ingest', () => {
	it('fills the body of every demo PDF', () => {
		const rows = db.$client.prepare('select title, body from documents_fts').all() as {
			body: string | null;
		}[];
		expect(rows.length).toBe(db.select().from(documents).all().length);
		expect(rows.filter((r) => r.body === null)).toEqual([]);
		const short = rows.filter((r) => (r.body ?? '').length < 50);
		// Only the real ANS lab report has no text: its pages are images (a scan; no OCR here).
		expect(short).toEqual([{ title: 'Compte rendu d’examens biologiques', body: '' }]);
	});

	it('strips the tags of HTML, keeps its text', () => {
		expect(
			htmlText(
				'<html><head><title>x</title><style>p{}</style></head><body><p>Réfection du <b>pansement</b>&nbsp;&amp; soins</p><script>alert(1)</script></body></html>'
			)
		).toBe('Réfection du pansement & soins');
	});
});

describe('search', () => {
	const ordonnance = 'Ordonnance — soins de la plaie du talon gauche';

	it('finds Irène’s ordonnance by a word of its PDF text, whatever the accents and case', () => {
		for (const text of ['pansement', 'PANSEMENT', 'pansément', 'PanSÉMent']) {
			const titles = find(INS.irene, text).items.map((d) => d.title);
			expect(titles, text).toContain(ordonnance);
		}
	});

	it('matches prefixes and requires every word', () => {
		expect(find(INS.irene, 'pans').items.map((d) => d.title)).toContain(ordonnance);
		expect(find(INS.irene, 'hydrocell talon').items.map((d) => d.title)).toContain(ordonnance);
		expect(find(INS.irene, 'pansement xylophone').total).toBe(0);
	});

	it('ranks a title match first', () => {
		const { items } = find(INS.irene, 'biologiques');
		expect(items[0]?.title).toMatch(/examens biologiques/);
	});

	it('never errors on FTS5 syntax, and never passes it through', () => {
		const hostile = [
			'"',
			'*',
			'( )',
			':',
			'NEAR',
			'AND',
			'-',
			'pansement"',
			'"pansement OR ',
			'NEAR(pansement talon, 2)',
			'title:pansement',
			'person_id:x',
			'{body}: pansement',
			'pansement AND NOT talon',
			'- pansement',
			'^pansement',
			'pansement*',
			"l'ulcère d’escarre",
			'\u0000 \u202e pansement',
			'x'.repeat(5000)
		];
		for (const text of hostile) {
			expect(() => find(INS.irene, text), text).not.toThrow();
		}
		// Syntax characters alone hold no word: no search at all.
		expect(search.ftsQuery('p', '" * ( ) : -')).toBeNull();
		expect(search.ftsQuery('p', '')).toBeNull();
		// Operators are searched as plain words (AND of quoted prefixes), never as operators.
		expect(search.ftsQuery('p', 'pansement OR NEAR')).toBe(
			'person_id : "p" AND ({title type author organisation body} : "pansement"* AND ' +
				'{title type author organisation body} : "or"* AND {title type author organisation body} : "near"*)'
		);
		expect(find(INS.irene, 'pansement*').items.map((d) => d.title)).toContain(ordonnance);
	});

	it('stays within the person: another space’s words are not found', () => {
		// "ulcère" is in Éléonore's ordonnance, not in Irène's documents.
		expect(find(INS.irene, 'alginate').total).toBe(0);
		// Nor does a person id typed as a word reach anything.
		expect(find(INS.irene, personId(INS.irene)).total).toBe(0);
	});

	it('never finds the minor’s secret for a parent, not even in the count; Elliot finds it', () => {
		const secret = db
			.select()
			.from(documents)
			.where(
				and(
					eq(documents.personId, personId(INS.elliot)),
					eq(documents.invisibleToLegalRepresentatives, true)
				)
			)
			.get()!;
		for (const text of [secret.title, 'adolescents', 'confidentielle', 'Maison des ado']) {
			expect(find(INS.elliot, text, parent), text).toEqual({ total: 0, items: [] });
			expect(
				find(INS.elliot, text, self).items.map((d) => d.id),
				text
			).toContain(secret.id);
		}
		// The filter's choices and counts do not reveal it either.
		const seen = queries.overview(db, personId(INS.elliot), parent);
		const all = queries.overview(db, personId(INS.elliot), self);
		expect(seen.total).toBe(all.total - 1);
		expect(seen.authorsAndOrganisations).not.toContain(secret.authorName);
		expect(all.authorsAndOrganisations).toContain(secret.authorName);
	});

	it('applies the delegation’s categories', () => {
		const onlyBiology: DocumentFilter = { ...self, categories: ['biologie'] };
		expect(find(INS.irene, 'pansement', onlyBiology).total).toBe(0);
		expect(find(INS.irene, 'albumine', onlyBiology).total).toBe(1);
	});

	it('filters by category, period and author or organisation', () => {
		expect(find(INS.irene, 'pansement', self, { category: 'biologie' }).total).toBe(0);
		expect(
			find(INS.irene, 'pansement', self, { category: 'ordonnances' }).items.map((d) => d.title)
		).toContain(ordonnance);
		const today = new Date().toISOString().slice(0, 10);
		expect(find(INS.irene, 'pansement', self, { from: '2000-01-01', to: '2000-12-31' }).total).toBe(
			0
		);
		expect(find(INS.irene, 'pansement', self, { from: '2000-01-01', to: today }).total).toBe(2);
		expect(
			find(INS.irene, 'pansement', self, { authorOrOrganisation: 'Dr Paul Girard' }).total
		).toBe(2);
		expect(
			find(INS.irene, 'pansement', self, { authorOrOrganisation: 'Dr Sylvie Caron, biologiste' })
				.total
		).toBe(0);
		// The same filters on the plain list.
		const irene = personId(INS.irene);
		const { byCategory, authorsAndOrganisations } = queries.overview(db, irene, self);
		expect(authorsAndOrganisations).toContain('Dr Paul Girard');
		const onlyBio = queries.listPage(
			db,
			irene,
			self,
			{ category: 'biologie' },
			{ limit: 50, offset: 0 }
		);
		expect(onlyBio.length).toBe(byCategory.get('biologie'));
		expect(
			queries.listPage(
				db,
				irene,
				self,
				{ from: '2000-01-01', to: '2000-01-02' },
				{ limit: 9, offset: 0 }
			)
		).toEqual([]);
		// A period holding documents (both ends included, Paris days), an author, and the page
		// window: the same rows as the whole list filtered here, and as many as the overview counts.
		const page = { limit: 500, offset: 0 };
		const everything = queries.listPage(db, irene, self, {}, page);
		const day = isoDate(everything[0]!.authoredAt);
		const onThatDay = queries.listPage(db, irene, self, { from: day, to: day }, page);
		expect(onThatDay.map((d) => d.id)).toEqual(
			everything.filter((d) => isoDate(d.authoredAt) === day).map((d) => d.id)
		);
		expect(onThatDay.length).toBe(queries.overview(db, irene, self, { from: day, to: day }).total);
		const byGirard = queries.listPage(
			db,
			irene,
			self,
			{ authorOrOrganisation: 'Dr Paul Girard' },
			page
		);
		expect(byGirard.length).toBeGreaterThan(0);
		expect(byGirard.map((d) => d.id)).toEqual(
			everything
				.filter((d) => d.authorName === 'Dr Paul Girard' || d.organisationName === 'Dr Paul Girard')
				.map((d) => d.id)
		);
		const second = queries.listPage(db, irene, self, {}, { limit: 2, offset: 1 });
		expect(second.map((d) => d.id)).toEqual(everything.slice(1, 3).map((d) => d.id));
	});

	it('indexes a new document at once by its metadata, then by its text; purged, it is gone', async () => {
		const irene = personId(INS.irene);
		const doc = ingest(db, {
			personId: irene,
			typeCode: 'DOCPAT01',
			typeSystem: 'x',
			typeDisplay: 'Document ajouté',
			title: 'Note de la kinésithérapeute',
			authoredAt: new Date(),
			source: 'person',
			bytes: new TextEncoder().encode('<p>Exercices de <em>proprioception</em> du genou</p>'),
			mediaType: 'text/html'
		});
		expect(find(INS.irene, 'kinesitherapeute').items.map((d) => d.id)).toEqual([doc.id]);
		await search.idle();
		expect(find(INS.irene, 'proprioception').items.map((d) => d.id)).toEqual([doc.id]);
		db.transaction((tx) => {
			search.removeFromIndex(tx, doc.id);
			tx.delete(documents).where(eq(documents.id, doc.id)).run();
		});
		expect(find(INS.irene, 'proprioception').total).toBe(0);
	});

	it('catches up documents whose text was never indexed', async () => {
		db.$client
			.prepare('update documents_fts set body = null where person_id = ?')
			.run(personId(INS.irene));
		expect(find(INS.irene, 'hydrocellulaire').total).toBe(0);
		const fresh = open(path.join(dir, 'relais.db'));
		try {
			expect(search.catchUp(fresh)).toBeGreaterThan(0);
			await search.idle();
		} finally {
			fresh.$client.close();
		}
		expect(find(INS.irene, 'hydrocellulaire').items.map((d) => d.title)).toContain(ordonnance);
	});
});
