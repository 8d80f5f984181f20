/**
 * What professionals read through the API, filtered by domain rule 7 (access/policy.ts): never a
 * document hidden from professionals or deleted, nothing when the person blocked the organisation,
 * and only from a space that exists and is open. Every read is recorded in the person's access
 * history with the organisation as the actor.
 */
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import * as history from '../audit/history';
import type { Db } from '../db';
import {
	documents,
	organisationBlocks,
	organisations,
	persons,
	type Document,
	type Organisation,
	type Person
} from '../db/schema';
import { INS_OIDS } from '../documents/cda';
import * as storage from '../documents/storage';
import { checkIns, findByIns } from './identity';
import { ApiProblem, problem } from './problems';
import { decideProfessional, professionalMaySee } from '../access/policy';

export const API_BASE = '/api/v1';

export type ApiDocument = {
	id: string;
	title: string;
	category: string;
	type: { code: string; system: string; display: string };
	authoredAt: string;
	receivedAt: string;
	author: string | null;
	organisation: { id: string; name: string } | null;
	version: number;
	setId: string;
	replaces: string | null;
	supersededAt: string | null;
	externalId: string | null;
	mediaType: string;
	size: number;
	sha256: string;
	confidentiality: { invisibleToPatient: boolean; invisibleToLegalRepresentatives: boolean };
	links: { self: string; content: string };
};

export function toApi(doc: Document, organisationName: string | null): ApiDocument {
	return {
		id: doc.id,
		title: doc.title,
		category: doc.category,
		type: { code: doc.typeCode, system: doc.typeSystem, display: doc.typeDisplay },
		authoredAt: doc.authoredAt.toISOString(),
		receivedAt: doc.receivedAt.toISOString(),
		author: doc.authorName,
		organisation:
			doc.organisationId && organisationName
				? { id: doc.organisationId, name: organisationName }
				: null,
		version: doc.version,
		setId: doc.setId,
		replaces: doc.replacesDocumentId,
		supersededAt: doc.supersededAt ? doc.supersededAt.toISOString() : null,
		externalId: doc.externalId,
		mediaType: doc.mediaType,
		size: doc.size,
		sha256: doc.sha256,
		confidentiality: {
			invisibleToPatient: doc.invisibleToPatient,
			invisibleToLegalRepresentatives: doc.invisibleToLegalRepresentatives
		},
		links: {
			self: `${API_BASE}/documents/${doc.id}`,
			content: `${API_BASE}/documents/${doc.id}/content`
		}
	};
}

export function isBlocked(db: Db, personId: string, organisationId: string): boolean {
	return !!db
		.select({ p: organisationBlocks.personId })
		.from(organisationBlocks)
		.where(
			and(
				eq(organisationBlocks.personId, personId),
				eq(organisationBlocks.organisationId, organisationId)
			)
		)
		.get();
}

/** Throws the matching problem unless rule 7 lets the organisation into the space. */
export function requireProfessionalAccess(
	db: Db,
	person: Person,
	organisation: Organisation
): void {
	const decision = decideProfessional(person, isBlocked(db, person.id, organisation.id));
	if (!decision.allow) throw problem(decision.code, undefined, decision.reason);
}

function record(
	db: Db,
	person: Person,
	organisation: Organisation,
	action: history.AccessAction,
	documentId?: string
) {
	history.record(db, {
		personId: person.id,
		action,
		basis: 'professional',
		actorOrganisationId: organisation.id,
		objectType: documentId ? 'document' : null,
		objectId: documentId ?? null
	});
}

/** The person a read names by INS (OID optional: production roots, then test roots if accepted). */
export function personForRead(
	db: Db,
	matricule: string,
	oid: string | null,
	options: { acceptTestIns: boolean }
): Person {
	const roots = oid
		? [oid]
		: [
				INS_OIDS.nir,
				INS_OIDS.nia,
				...(options.acceptTestIns ? [INS_OIDS.testNir, INS_OIDS.demoNir] : [])
			];
	let lastError: ApiProblem | undefined;
	for (const root of roots) {
		try {
			const ins = checkIns({ matricule, oid: root }, options);
			const person = findByIns(db, ins);
			if (person) return person;
		} catch (e) {
			if (!(e instanceof ApiProblem)) throw e;
			lastError = e;
			if (e.body.code === '904' && e.body.invalid_key) throw e;
		}
	}
	throw lastError && oid ? lastError : problem('902');
}

/** Documents of a person visible to professionals, current versions (or all), newest first. */
export function listForPerson(
	db: Db,
	organisation: Organisation,
	person: Person,
	options: { allVersions?: boolean } = {}
): ApiDocument[] {
	requireProfessionalAccess(db, person, organisation);
	const conditions: SQL[] = [
		eq(documents.personId, person.id),
		isNull(documents.deletedAt),
		eq(documents.hiddenFromProfessionals, false)
	];
	if (!options.allVersions) conditions.push(isNull(documents.supersededAt));
	const rows = db
		.select({ document: documents, organisationName: organisations.name })
		.from(documents)
		.leftJoin(organisations, eq(documents.organisationId, organisations.id))
		.where(and(...conditions))
		.orderBy(desc(documents.authoredAt), desc(documents.version), desc(documents.receivedAt))
		.all();
	record(db, person, organisation, 'list_documents');
	return rows
		.filter((r) => professionalMaySee(r.document))
		.map((r) => toApi(r.document, r.organisationName));
}

/** One document the organisation may see; 404 problem otherwise (existence is not confirmed). */
function visibleDocument(db: Db, organisation: Organisation, id: string) {
	const row = db
		.select({ document: documents, organisationName: organisations.name, person: persons })
		.from(documents)
		.innerJoin(persons, eq(documents.personId, persons.id))
		.leftJoin(organisations, eq(documents.organisationId, organisations.id))
		.where(eq(documents.id, id))
		.get();
	if (!row || !professionalMaySee(row.document)) throw problem('not-found');
	requireProfessionalAccess(db, row.person, organisation);
	return row;
}

export function getDocument(db: Db, organisation: Organisation, id: string): ApiDocument {
	const row = visibleDocument(db, organisation, id);
	record(db, row.person, organisation, 'read_document', row.document.id);
	return toApi(row.document, row.organisationName);
}

export function getContent(
	db: Db,
	organisation: Organisation,
	id: string
): { bytes: Buffer; mediaType: string; fileName: string } {
	const row = visibleDocument(db, organisation, id);
	const bytes = storage.get(row.document.blobRef, row.document.sha256);
	record(db, row.person, organisation, 'download_document', row.document.id);
	return { bytes, mediaType: row.document.mediaType, fileName: row.document.fileName };
}
