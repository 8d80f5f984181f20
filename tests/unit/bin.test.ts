/**
 * The bin (issue 4, item 4) on a real SQLite file with the demo data: a deleted document leaves
 * the lists, can be restored for 30 days, then is purged with its file — unless another document
 * shares the same stored file.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as policy from '../../src/lib/server/access/policy';
import { type Db } from '../../src/lib/server/db';
import { accessEvents, documents, persons } from '../../src/lib/server/db/schema';
import * as bin from '../../src/lib/server/documents/bin';
import { ingest } from '../../src/lib/server/documents/ingest';
import * as queries from '../../src/lib/server/documents/queries';
import { makePdf } from '../support/pdf';
import { accountIdByEmail, closeDemoDb, openDemoDb, personIdByIns } from '../support/demo-db';

let dir: string;
let db: Db;
let personId: string;
let accountId: string;
const now = new Date('2026-11-20T10:00:00Z');
const DAY = 24 * 3600 * 1000;
const filter: policy.DocumentFilter = {
	excludeInvisibleToPatient: true,
	excludeSecretFromRepresentatives: true,
	categories: null
};

beforeAll(() => {
	({ dir, db } = openDemoDb('bin', now));
	personId = personIdByIns(db, '116066311320181');
	accountId = accountIdByEmail(db, 'parent1-adrien@relais.test');
});

afterAll(() => closeDemoDb({ dir, db }));

function addPdf(text: string) {
	return ingest(db, {
		personId,
		typeCode: 'DOCPAT02',
		typeSystem: '1.2.250.1.213.1.1.4.12',
		typeDisplay: 'Traitement ou document de soins déposé par le patient',
		title: text,
		authoredAt: now,
		receivedAt: now,
		source: 'person',
		uploadedByAccountId: accountId,
		bytes: makePdf(text),
		mediaType: 'application/pdf'
	});
}

function fileOf(ref: string): string {
	return path.join(dir, 'documents', ref.slice(0, 2), ref);
}

const listed = (id: string) => queries.listCurrent(db, personId, filter).some((d) => d.id === id);

describe('the bin', () => {
	it('takes a deleted document out of the lists and puts it back on restore', () => {
		const doc = addPdf('Ordonnance à supprimer');
		expect(listed(doc.id)).toBe(true);
		expect(bin.moveToBin(db, { personId, documentId: doc.id, accountId, now })).toBe(true);
		expect(listed(doc.id)).toBe(false);
		const row = db.select().from(documents).where(eq(documents.id, doc.id)).get()!;
		expect(row.deletedByAccountId).toBe(accountId);
		expect(
			policy.decideDocument(
				{
					allow: true,
					basis: 'parental_authority',
					scopes: 'all',
					experimental: false,
					until: null,
					documentFilter: filter,
					reason: ''
				},
				row
			).allow
		).toBe(false);
		// Twice: nothing more happens.
		expect(bin.moveToBin(db, { personId, documentId: doc.id, accountId, now })).toBe(false);

		const inBin = bin.list(db, personId, filter, now);
		const entry = inBin.find((d) => d.id === doc.id)!;
		expect(entry.purgeAt.getTime()).toBe(now.getTime() + 30 * DAY);

		const later = new Date(now.getTime() + 29 * DAY);
		expect(bin.restore(db, { personId, documentId: doc.id, now: later })).toBe(true);
		expect(listed(doc.id)).toBe(true);
		expect(bin.list(db, personId, filter, later).some((d) => d.id === doc.id)).toBe(false);
	});

	it('refuses to restore another person’s document or one past 30 days', () => {
		const doc = addPdf('Compte rendu ancien');
		bin.moveToBin(db, { personId, documentId: doc.id, accountId, now });
		const other = db
			.select()
			.from(persons)
			.where(eq(persons.insMatricule, '122027401003365'))
			.get()!;
		expect(bin.restore(db, { personId: other.id, documentId: doc.id, now })).toBe(false);
		expect(bin.getBinned(db, other.id, doc.id, now)).toBeUndefined();
		const tooLate = new Date(now.getTime() + 30 * DAY + 1);
		expect(bin.restore(db, { personId, documentId: doc.id, now: tooLate })).toBe(false);
		expect(bin.list(db, personId, filter, tooLate).some((d) => d.id === doc.id)).toBe(false);
	});

	it('purges after 30 days: row, file and index entry gone, recorded in the history', () => {
		const doc = addPdf('Ordonnance pansement unique purge');
		const file = fileOf(doc.blobRef);
		expect(fs.existsSync(file)).toBe(true);
		bin.moveToBin(db, { personId, documentId: doc.id, accountId, now });

		expect(bin.purgeExpired(db, new Date(now.getTime() + 29 * DAY))).toBe(0);
		expect(db.select().from(documents).where(eq(documents.id, doc.id)).get()).toBeDefined();

		const purged = bin.purgeExpired(db, new Date(now.getTime() + 30 * DAY));
		expect(purged).toBeGreaterThanOrEqual(1);
		expect(db.select().from(documents).where(eq(documents.id, doc.id)).get()).toBeUndefined();
		expect(fs.existsSync(file)).toBe(false);
		const fts = db.$client
			.prepare('select count(*) as n from documents_fts where document_id = ?')
			.get(doc.id) as { n: number };
		expect(fts.n).toBe(0);
		const events = db
			.select()
			.from(accessEvents)
			.where(and(eq(accessEvents.objectId, doc.id), eq(accessEvents.action, 'purge_document')))
			.all();
		expect(events).toHaveLength(1);
		expect(events[0]!.basis).toBe('system');
		expect(events[0]!.actorAccountId).toBeNull();
		// Running again does nothing.
		expect(bin.purgeExpired(db, new Date(now.getTime() + 31 * DAY))).toBe(0);
	});

	it('keeps a file another document still uses', () => {
		const a = addPdf('Même contenu');
		const b = addPdf('Même contenu');
		expect(a.blobRef).toBe(b.blobRef);
		bin.moveToBin(db, { personId, documentId: a.id, accountId, now });
		bin.purgeExpired(db, new Date(now.getTime() + 31 * DAY));
		expect(db.select().from(documents).where(eq(documents.id, a.id)).get()).toBeUndefined();
		expect(fs.existsSync(fileOf(b.blobRef))).toBe(true);
		expect(listed(b.id)).toBe(true);
	});

	it('hides from professionals every version of a document, and shows it again', () => {
		const set = db
			.select()
			.from(documents)
			.where(and(eq(documents.typeCode, '74207-2'), isNull(documents.deletedAt)))
			.all();
		expect(set.length).toBeGreaterThanOrEqual(2);
		const { personId: owner, setId } = set[0]!;
		const versions = () =>
			db
				.select()
				.from(documents)
				.where(and(eq(documents.personId, owner), eq(documents.setId, setId)))
				.all();
		expect(bin.setHiddenFromProfessionals(db, { personId: owner, setId, hidden: true })).toBe(
			versions().length
		);
		expect(
			versions().every((v) => v.hiddenFromProfessionals && !policy.professionalMaySee(v))
		).toBe(true);
		bin.setHiddenFromProfessionals(db, { personId: owner, setId, hidden: false });
		expect(versions().every((v) => !v.hiddenFromProfessionals)).toBe(true);
		expect(db.select({ n: count() }).from(documents).get()!.n).toBeGreaterThan(0);
	});

	it('deleting the current version makes the previous one current again, until restored', () => {
		const v1 = addPdf('Projet personnalisé v1');
		const v2 = ingest(db, {
			personId,
			typeCode: 'DOCPAT02',
			typeSystem: '1.2.250.1.213.1.1.4.12',
			typeDisplay: 'Traitement ou document de soins déposé par le patient',
			title: 'Projet personnalisé v2',
			authoredAt: now,
			receivedAt: now,
			source: 'person',
			setId: v1.setId,
			version: 2,
			replacesDocumentId: v1.id,
			bytes: makePdf('Projet personnalisé v2'),
			mediaType: 'application/pdf'
		});
		expect([listed(v1.id), listed(v2.id)]).toEqual([false, true]);
		expect(bin.moveToBin(db, { personId, documentId: v2.id, accountId, now })).toBe(true);
		expect([listed(v1.id), listed(v2.id)]).toEqual([true, false]);
		expect(bin.restore(db, { personId, documentId: v2.id, now })).toBe(true);
		expect([listed(v1.id), listed(v2.id)]).toEqual([false, true]);
	});
});
