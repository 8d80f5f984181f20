/**
 * "Nouveau" (issue 4, item 6): a document is new until someone on the person's side opens it.
 * The counts and lists here take the policy's DocumentFilter through documents/queries.ts's
 * visibility conditions, so that a document under the minor's secret is never counted for a
 * parent, nor a category outside a delegation for a caregiver.
 */
import { and, count, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { DocumentFilter, SpaceGranted } from '../access/policy';
import { decideAction } from '../access/policy';
import { prepared, type Db } from '../db';
import { documents, organisations } from '../db/schema';
import {
	cacheKey,
	cached,
	listColumns,
	shapeOf,
	visible,
	visibleParams,
	visiblePrepared
} from './queries';

/** New: a current version (not superseded) that nobody on the person's side has opened yet. */
function fresh(visibility: SQL, exceptDocumentId?: string): SQL {
	const conditions = [visibility, isNull(documents.supersededAt), isNull(documents.firstOpenedAt)];
	if (exceptDocumentId) conditions.push(ne(documents.id, exceptDocumentId));
	return and(...conditions) as SQL;
}

/**
 * Records the first time someone on the person's side opened the document; later openings change
 * nothing. Call it only once the policy allowed the document (requireDocument). Returns whether
 * this was the first opening.
 */
export function markOpened(db: Db, documentId: string, now: Date): boolean {
	const result = db
		.update(documents)
		.set({ firstOpenedAt: now })
		.where(and(eq(documents.id, documentId), isNull(documents.firstOpenedAt)))
		.run();
	return result.changes > 0;
}

/**
 * How many new documents this space holds for the account whose decision it is; null when the
 * account may not read documents there (a delegation without the "documents" scope).
 *
 * `exceptDocumentId`: a document being opened by this very request, counted as opened (a layout
 * load runs before the page load that marks it).
 */
export function countNew(
	db: Db,
	personId: string,
	decision: SpaceGranted,
	options: { exceptDocumentId?: string } = {}
): number | null {
	if (!decideAction(decision, 'read_documents').allow) return null;
	const filter = decision.documentFilter;
	// Shown on every page of every profile the account reaches: cached until the next write.
	return cached(
		db,
		cacheKey('new', personId, filter, options.exceptDocumentId ?? null),
		() =>
			db
				.select({ n: count() })
				.from(documents)
				.where(fresh(visible(personId, filter), options.exceptDocumentId))
				.get()?.n ?? 0
	);
}

/** The new documents of a space, newest first (the columns of the document lists). */
export function listNew(db: Db, personId: string, filter: DocumentFilter, limit = 20) {
	return prepared(db, `documents.listNew ${shapeOf(filter)}`, (d) =>
		d
			.select(listColumns)
			.from(documents)
			.leftJoin(organisations, eq(documents.organisationId, organisations.id))
			.where(fresh(visiblePrepared(filter)))
			.orderBy(desc(documents.receivedAt), desc(documents.authoredAt))
			.limit(sql.placeholder('limit'))
			.prepare()
	).all({ ...visibleParams(personId, filter), limit });
}
