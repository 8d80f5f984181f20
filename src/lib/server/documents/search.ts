/**
 * Full-text search of a person's documents (SQLite FTS5, table `documents_fts` of
 * drizzle/0003_documents_fts.sql: unicode61 with remove_diacritics 2, so "PANSÉMENT" finds
 * "pansement").
 *
 * Indexing, in two steps because pdf.js is asynchronous and `ingest` is not:
 * 1. `indexMetadata`, inside ingest's transaction: title, type, author and organisation, with the
 *    body left NULL. A document is searchable by its metadata as soon as it is committed.
 * 2. `scheduleBody`, right after the commit: a small in-process queue (one document at a time,
 *    yielding between PDF pages) extracts the text (text.ts) and fills the body. A body of ''
 *    means "extracted, no text" (images, unreadable PDFs), NULL means "never extracted";
 *    `catchUp` (called by startup.ts) queues the NULL ones and the documents with no index row
 *    at all.
 *
 * Querying: the user's words become a safe FTS5 query (`ftsQuery`): every word quoted, prefix
 * match on each, nothing of the FTS5 syntax passed through, scoped to the person inside the MATCH.
 * Results are joined back to `documents` with the policy's DocumentFilter in SQL (queries.ts), so
 * a document the policy hides (the minor's secret…) is never found, nor counted.
 */
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { sqliteTable, text as textColumn } from 'drizzle-orm/sqlite-core';
import type { DocumentFilter } from '../access/policy';
import type { Db } from '../db';
import { documents, organisations } from '../db/schema';
import * as log from '../log';
import { filterConditions, listColumns, visible, type ListFilters } from './queries';
import * as storage from './storage';
import { extract } from './text';

/** The FTS5 table, for queries only (virtual tables are not part of drizzle's schema). */
const fts = sqliteTable('documents_fts', {
	documentId: textColumn('document_id').notNull(),
	personId: textColumn('person_id').notNull(),
	title: textColumn('title'),
	type: textColumn('type'),
	author: textColumn('author'),
	organisation: textColumn('organisation'),
	body: textColumn('body')
});

/** Any drizzle handle: the database or a transaction. */
type Handle = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'run' | 'get' | 'all'>;

/** How many words of a query are kept, and how long each may be. */
const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

function quote(value: string): string {
	return `"${value.replace(/"/g, '""')}"`;
}

/** The words of what the user typed: letters and digits only, NFC, at most MAX_TERMS. */
export function terms(input: string): string[] {
	const words = input.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
	const kept: string[] = [];
	for (const word of words) {
		// One-letter words are French elisions (l', d', j'…) or initials: they would match too much.
		if (word.length < 2 && !/\p{N}/u.test(word)) continue;
		const w = word.slice(0, MAX_TERM_LENGTH).toLowerCase();
		if (!kept.includes(w)) kept.push(w);
		if (kept.length === MAX_TERMS) break;
	}
	return kept;
}

/**
 * A safe FTS5 query for one person's documents, or null when the text has no word to search.
 * Every word is a quoted string with a prefix match ("pans" finds "pansement"), all of them
 * required, searched in the content columns only (never person_id).
 */
export function ftsQuery(personId: string, input: string): string | null {
	const words = terms(input);
	if (words.length === 0) return null;
	const content = '{title type author organisation body}';
	const match = words.map((w) => `${content} : ${quote(w)}*`).join(' AND ');
	return `person_id : ${quote(personId)} AND (${match})`;
}

/* ---- Indexing ---- */

export type IndexedFields = {
	id: string;
	personId: string;
	title: string;
	typeDisplay: string;
	authorName: string | null;
	organisationId: string | null;
};

/** Indexes a document's metadata (body NULL: to be extracted). Call inside ingest's transaction. */
export function indexMetadata(tx: Handle, doc: IndexedFields): void {
	const organisation = doc.organisationId
		? (tx
				.select({ name: organisations.name })
				.from(organisations)
				.where(eq(organisations.id, doc.organisationId))
				.get()?.name ?? null)
		: null;
	tx.insert(fts)
		.values({
			documentId: doc.id,
			personId: doc.personId,
			title: doc.title,
			type: doc.typeDisplay,
			author: doc.authorName,
			organisation,
			body: null
		})
		.run();
}

/** The FTS rowids of a document (found through its person's index entries, not a full scan). */
function rowidsOf(db: Handle, documentId: string): number[] {
	const owner = db
		.select({ personId: documents.personId })
		.from(documents)
		.where(eq(documents.id, documentId))
		.get();
	const rows = owner
		? db.all<{ rowid: number }>(
				sql`select rowid from documents_fts where documents_fts match ${`person_id : ${quote(owner.personId)}`} and document_id = ${documentId}`
			)
		: // The document row is already gone: a full scan, rare (purges go through here first).
			db.all<{ rowid: number }>(
				sql`select rowid from documents_fts where document_id = ${documentId}`
			);
	return rows.map((r) => r.rowid);
}

/**
 * Removes a document from the index. Call it when a document is purged (before or in the same
 * transaction as deleting its row; it also works after, more slowly). A document in the bin needs
 * no call: search never returns deleted documents, and a restore finds it indexed.
 */
export function removeFromIndex(db: Handle, documentId: string): void {
	for (const rowid of rowidsOf(db, documentId)) {
		db.run(sql`delete from documents_fts where rowid = ${rowid}`);
	}
}

/* ---- The body queue ---- */

type Job = { db: Db; documentId: string };
const queue: Job[] = [];
let running: Promise<void> | null = null;
const caughtUp = new WeakSet<Db>();

async function fillBody(job: Job): Promise<void> {
	const { db, documentId } = job;
	const doc = db
		.select({
			blobRef: documents.blobRef,
			sha256: documents.sha256,
			mediaType: documents.mediaType
		})
		.from(documents)
		.where(eq(documents.id, documentId))
		.get();
	if (!doc) return;
	let body = '';
	try {
		body = await extract(storage.get(doc.blobRef, doc.sha256), doc.mediaType);
	} catch (e) {
		// Logged without the document's content or title.
		log.warn(`text extraction failed for a document: ${e instanceof Error ? e.name : 'error'}`);
	}
	try {
		for (const rowid of rowidsOf(db, documentId)) {
			db.run(sql`update documents_fts set body = ${body} where rowid = ${rowid}`);
		}
	} catch (e) {
		// The database was closed meanwhile (tests, shutdown): catch-up will do it next start.
		log.warn(`could not index a document's text: ${e instanceof Error ? e.name : 'error'}`);
	}
}

async function drain(): Promise<void> {
	for (let job = queue.shift(); job; job = queue.shift()) {
		// A database closed meanwhile (tests, shutdown) ends nothing: catch-up redoes it next start.
		await fillBody(job).catch((e: unknown) =>
			log.warn(`could not index a document's text: ${e instanceof Error ? e.name : 'error'}`)
		);
	}
	running = null;
}

/** Queues the extraction of a committed document's text; returns at once. */
export function scheduleBody(db: Db, documentId: string): void {
	queue.push({ db, documentId });
	running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
}

/** Resolves when every queued extraction is done (tests, graceful shutdown). */
export async function idle(): Promise<void> {
	while (running) await running;
}

/**
 * Queues every document whose text was never indexed: index rows with a NULL body, and documents
 * with no index row at all (metadata indexed here, synchronously). Run once per database.
 */
export function catchUp(db: Db): number {
	if (caughtUp.has(db)) return 0;
	caughtUp.add(db);
	const client = db.$client;
	const indexed = new Set<string>();
	const pending: string[] = [];
	for (const row of client
		.prepare('select document_id as id, body is null as missing from documents_fts')
		.iterate() as IterableIterator<{ id: string; missing: number }>) {
		indexed.add(row.id);
		if (row.missing) pending.push(row.id);
	}
	const unindexed = (
		client
			.prepare(
				'select id, person_id as personId, title, type_display as typeDisplay, author_name as authorName, organisation_id as organisationId from documents'
			)
			.all() as IndexedFields[]
	).filter((d) => !indexed.has(d.id));
	if (unindexed.length > 0) {
		db.transaction((tx) => {
			for (const doc of unindexed) indexMetadata(tx, doc);
		});
	}
	for (const id of [...pending, ...unindexed.map((d) => d.id)]) scheduleBody(db, id);
	return pending.length + unindexed.length;
}

/* ---- Querying ---- */

export type SearchOptions = ListFilters & { text: string; limit: number; offset: number };

/**
 * The person's current documents matching the words and filters, best match first (title weighs
 * most, then type, author, organisation, body), then newest; and how many match in all.
 * `null` when the text holds no word (the caller lists instead).
 */
export function search(db: Db, personId: string, filter: DocumentFilter, options: SearchOptions) {
	const match = ftsQuery(personId, options.text);
	if (match === null) return null;
	const where = and(
		sql`${fts} match ${match}`,
		visible(personId, filter),
		isNull(documents.supersededAt),
		...filterConditions(options)
	) as SQL;
	// One pass: every match's id, best first; the page's rows are then read by id.
	const ranked = db
		.select({ id: documents.id })
		.from(fts)
		.innerJoin(documents, eq(documents.id, fts.documentId))
		.leftJoin(organisations, eq(documents.organisationId, organisations.id))
		.where(where)
		.orderBy(
			sql`bm25(documents_fts, 0, 0, 10, 4, 3, 3, 1)`,
			desc(documents.authoredAt),
			desc(documents.receivedAt)
		)
		.all();
	const pageIds = ranked.slice(options.offset, options.offset + options.limit).map((r) => r.id);
	const rows =
		pageIds.length === 0
			? []
			: db
					.select(listColumns)
					.from(documents)
					.leftJoin(organisations, eq(documents.organisationId, organisations.id))
					.where(inArray(documents.id, pageIds))
					.all();
	const byId = new Map(rows.map((row) => [row.id, row]));
	const items = pageIds.flatMap((id) => byId.get(id) ?? []);
	const total = ranked.length;
	return { total, items };
}
