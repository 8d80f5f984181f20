/**
 * The bin (corbeille): a deleted document stays 30 days, restorable by the holder or a legal
 * representative, then is purged with its file. Every step is recorded in the access history
 * (the routes record deletion and restoration; the purge records itself).
 *
 * Purge order (architecture.md, "Data and files"): the row is deleted and committed first, the
 * file removed after — a crash in between leaves an orphan file that the start-up sweep removes,
 * never a row without its file. A file is only removed when no other row names the same blob
 * (equal contents share one file). The document's full-text index entry is removed with its row.
 */
import { and, desc, eq, gt, isNotNull, isNull, lte } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentFilter } from '../access/policy';
import * as history from '../audit/history';
import { config } from '../config';
import type { Db } from '../db';
import { documents, type Document } from '../db/schema';
import * as log from '../log';
import { visible } from './queries';
import * as search from './search';

export const RETENTION_DAYS = 30;
export const RETENTION_MS = RETENTION_DAYS * 24 * 3600 * 1000;

/** When a document put in the bin at `deletedAt` is purged. */
export function purgeDate(deletedAt: Date): Date {
	return new Date(deletedAt.getTime() + RETENTION_MS);
}

/**
 * Moves a document to the bin; false when it is already there or is not this person's. When it was
 * the current version of a chain, the version it replaced becomes current again (until restored).
 */
export function moveToBin(
	db: Db,
	entry: { personId: string; documentId: string; accountId: string; now: Date }
): boolean {
	return db.transaction((tx) => {
		const moved = tx
			.update(documents)
			.set({ deletedAt: entry.now, deletedByAccountId: entry.accountId })
			.where(
				and(
					eq(documents.id, entry.documentId),
					eq(documents.personId, entry.personId),
					isNull(documents.deletedAt)
				)
			)
			.returning()
			.get();
		if (!moved) return false;
		if (moved.supersededAt === null && moved.replacesDocumentId) {
			tx.update(documents)
				.set({ supersededAt: null })
				.where(
					and(
						eq(documents.id, moved.replacesDocumentId),
						eq(documents.personId, entry.personId),
						isNull(documents.deletedAt)
					)
				)
				.run();
		}
		return true;
	});
}

/**
 * Takes a document out of the bin, within the 30 days; false otherwise. A restored version that was
 * current supersedes again the version it had replaced.
 */
export function restore(
	db: Db,
	entry: { personId: string; documentId: string; now: Date }
): boolean {
	return db.transaction((tx) => {
		const restored = tx
			.update(documents)
			.set({ deletedAt: null, deletedByAccountId: null })
			.where(
				and(
					eq(documents.id, entry.documentId),
					eq(documents.personId, entry.personId),
					gt(documents.deletedAt, new Date(entry.now.getTime() - RETENTION_MS))
				)
			)
			.returning()
			.get();
		if (!restored) return false;
		if (restored.supersededAt === null && restored.replacesDocumentId) {
			tx.update(documents)
				.set({ supersededAt: entry.now })
				.where(
					and(
						eq(documents.id, restored.replacesDocumentId),
						eq(documents.personId, entry.personId),
						isNull(documents.supersededAt)
					)
				)
				.run();
		}
		return true;
	});
}

/** One document of this person that is in the bin and still restorable, or undefined. */
export function getBinned(
	db: Db,
	personId: string,
	documentId: string,
	now: Date
): Document | undefined {
	return db
		.select()
		.from(documents)
		.where(
			and(
				eq(documents.id, documentId),
				eq(documents.personId, personId),
				gt(documents.deletedAt, new Date(now.getTime() - RETENTION_MS))
			)
		)
		.get();
}

/** The bin of a space, most recently deleted first, with what the policy's filter allows. */
export function list(db: Db, personId: string, filter: DocumentFilter, now: Date) {
	return db
		.select({
			id: documents.id,
			title: documents.title,
			typeDisplay: documents.typeDisplay,
			authoredAt: documents.authoredAt,
			deletedAt: documents.deletedAt,
			version: documents.version,
			supersededAt: documents.supersededAt
		})
		.from(documents)
		.where(
			and(
				visible(personId, filter, 'only'),
				gt(documents.deletedAt, new Date(now.getTime() - RETENTION_MS))
			)
		)
		.orderBy(desc(documents.deletedAt), desc(documents.id))
		.all()
		.map((row) => ({
			...row,
			deletedAt: row.deletedAt as Date,
			purgeAt: purgeDate(row.deletedAt as Date)
		}));
}

/**
 * Hides a document from professionals, or shows it to them again (JDV_J08 MASQUE_PS). Applies to
 * every version of the document (same set), so an older version never shows what the person hid.
 * (Kept here, beside the other "manage documents" writes of the person's side.)
 */
export function setHiddenFromProfessionals(
	db: Db,
	entry: { personId: string; setId: string; hidden: boolean }
): number {
	return db
		.update(documents)
		.set({ hiddenFromProfessionals: entry.hidden })
		.where(and(eq(documents.personId, entry.personId), eq(documents.setId, entry.setId)))
		.run().changes;
}

/** Storage path of a blob; the same layout as storage.ts (ref is a 64-hex keyed hash). */
function blobFile(ref: string): string | null {
	if (!/^[0-9a-f]{64}$/.test(ref)) return null;
	return path.join(config().storageDir, ref.slice(0, 2), ref);
}

/**
 * Purges every document that has been in the bin for 30 days or more: the row (with an access
 * history entry, actor "system"), then its file when no other row uses it. Returns how many
 * documents were purged. Safe to run at any moment and more than once.
 */
export function purgeExpired(db: Db, now: Date): number {
	const expired = db
		.select({ id: documents.id, personId: documents.personId, blobRef: documents.blobRef })
		.from(documents)
		.where(
			and(
				isNotNull(documents.deletedAt),
				lte(documents.deletedAt, new Date(now.getTime() - RETENTION_MS))
			)
		)
		.all();
	let purged = 0;
	for (const doc of expired) {
		const outcome = db.transaction((tx) => {
			const gone = tx
				.delete(documents)
				.where(
					and(
						eq(documents.id, doc.id),
						isNotNull(documents.deletedAt),
						lte(documents.deletedAt, new Date(now.getTime() - RETENTION_MS))
					)
				)
				.run();
			if (gone.changes === 0) return { purged: false, file: null };
			// The text index holds health content too: it goes with the row.
			search.removeFromIndex(tx, doc.id);
			history.record(tx as unknown as Db, {
				personId: doc.personId,
				action: 'purge_document',
				basis: 'system',
				objectType: 'document',
				objectId: doc.id,
				at: now
			});
			const shared = tx
				.select({ id: documents.id })
				.from(documents)
				.where(eq(documents.blobRef, doc.blobRef))
				.limit(1)
				.get();
			return { purged: true, file: shared ? null : doc.blobRef };
		});
		if (outcome.purged) purged++;
		const fileToRemove = outcome.file;
		if (fileToRemove) {
			const file = blobFile(fileToRemove);
			if (file) {
				try {
					fs.rmSync(file, { force: true });
				} catch (e) {
					// The start-up sweep removes it later.
					log.warn(`purge: file not removed (${e instanceof Error ? e.message : 'error'})`);
				}
			}
		}
	}
	return purged;
}

let timer: NodeJS.Timeout | undefined;

/** Runs `purgeExpired` now and then every `everyMs` (default hourly); the timer never holds the process. */
export function schedulePurge(db: Db, everyMs = 3600 * 1000): void {
	const run = () => {
		try {
			const n = purgeExpired(db, new Date());
			if (n > 0) log.info(`Purged ${n} document(s) kept in the bin for ${RETENTION_DAYS} days.`);
		} catch (e) {
			log.error(`purge failed: ${e instanceof Error ? e.message : 'error'}`);
		}
	};
	run();
	if (timer) clearInterval(timer);
	timer = setInterval(run, everyMs);
	timer.unref();
}
