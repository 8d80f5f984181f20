/**
 * Reads of a person's documents. Every list takes the policy's DocumentFilter so that what is
 * listed or counted is exactly what `policy.decideDocument` would allow.
 */
import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { DocumentFilter } from '../access/policy';
import type { Db } from '../db';
import { documents, organisations } from '../db/schema';

function visible(personId: string, filter: DocumentFilter): SQL {
	const conditions: (SQL | undefined)[] = [
		eq(documents.personId, personId),
		isNull(documents.deletedAt),
		eq(documents.invisibleToPatient, false)
	];
	if (filter.excludeSecretFromRepresentatives) {
		conditions.push(eq(documents.invisibleToLegalRepresentatives, false));
	}
	if (filter.categories) conditions.push(inArray(documents.category, filter.categories));
	return and(...conditions) as SQL;
}

const listColumns = {
	id: documents.id,
	title: documents.title,
	category: documents.category,
	typeCode: documents.typeCode,
	typeDisplay: documents.typeDisplay,
	authorName: documents.authorName,
	organisationName: organisations.name,
	authoredAt: documents.authoredAt,
	receivedAt: documents.receivedAt,
	mediaType: documents.mediaType,
	size: documents.size,
	version: documents.version,
	setId: documents.setId,
	source: documents.source,
	hiddenFromProfessionals: documents.hiddenFromProfessionals
};

/** Current versions (not superseded) the filter allows, newest first. */
export function listCurrent(
	db: Db,
	personId: string,
	filter: DocumentFilter,
	options: { limit?: number } = {}
) {
	const query = db
		.select(listColumns)
		.from(documents)
		.leftJoin(organisations, eq(documents.organisationId, organisations.id))
		.where(and(visible(personId, filter), isNull(documents.supersededAt)))
		.orderBy(desc(documents.authoredAt), desc(documents.receivedAt));
	return options.limit ? query.limit(options.limit).all() : query.all();
}

/** One document of this person, with its organisation name; the caller asks the policy. */
export function get(db: Db, personId: string, documentId: string) {
	return db
		.select({ document: documents, organisationName: organisations.name })
		.from(documents)
		.leftJoin(organisations, eq(documents.organisationId, organisations.id))
		.where(and(eq(documents.id, documentId), eq(documents.personId, personId)))
		.get();
}

/** Earlier versions of a document the filter allows, newest first. */
export function versions(db: Db, personId: string, setId: string, filter: DocumentFilter) {
	return db
		.select(listColumns)
		.from(documents)
		.leftJoin(organisations, eq(documents.organisationId, organisations.id))
		.where(and(visible(personId, filter), eq(documents.setId, setId)))
		.orderBy(desc(documents.version))
		.all();
}
