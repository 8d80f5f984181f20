import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { documents, type Document } from '../db/schema';
import { newId } from '../ids';
import { categoryOf } from './categories';
import * as search from './search';
import * as storage from './storage';

export type IngestInput = {
	personId: string;
	typeCode: string;
	typeSystem: string;
	typeDisplay: string;
	title: string;
	authorName?: string | null;
	organisationId?: string | null;
	authoredAt: Date;
	receivedAt?: Date;
	/** Already opened on the person's side (their own uploads): no "nouveau" mark. */
	firstOpenedAt?: Date | null;
	source: 'professional' | 'person';
	uploadedByAccountId?: string | null;
	hiddenFromProfessionals?: boolean;
	invisibleToPatient?: boolean;
	invisibleToLegalRepresentatives?: boolean;
	/** Version chain: same set id as the document replaced. Defaults to a new set. */
	setId?: string;
	version?: number;
	/** Our id of the document this one replaces (it gets superseded). */
	replacesDocumentId?: string | null;
	externalId?: string | null;
	bytes: Uint8Array;
	mediaType: string;
};

const extensions: Record<string, string> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'text/html': 'html'
};

/**
 * Stores a document: the encrypted file first (fsync'd), then the row and the version chain in one
 * transaction, so a crash leaves at worst an orphan file (swept at start-up), never a row without
 * its file. Every way a document enters the space (API, uploads, demo data) goes through here.
 * The search index gets the metadata in the same transaction; the document's text is extracted
 * right after the commit, asynchronously (search.ts, "the body queue").
 */
export function ingest(db: Db, input: IngestInput): Document {
	const stored = storage.put(input.bytes);
	const id = newId();
	const receivedAt = input.receivedAt ?? new Date();
	const ext = extensions[input.mediaType] ?? 'bin';
	const document = db.transaction((tx) => {
		if (input.replacesDocumentId) {
			tx.update(documents)
				.set({ supersededAt: receivedAt })
				.where(
					and(
						eq(documents.id, input.replacesDocumentId),
						eq(documents.personId, input.personId),
						isNull(documents.supersededAt)
					)
				)
				.run();
		}
		const row = tx
			.insert(documents)
			.values({
				id,
				personId: input.personId,
				typeCode: input.typeCode,
				typeSystem: input.typeSystem,
				typeDisplay: input.typeDisplay,
				category: categoryOf(input.typeCode),
				title: input.title,
				authorName: input.authorName ?? null,
				organisationId: input.organisationId ?? null,
				authoredAt: input.authoredAt,
				receivedAt,
				firstOpenedAt: input.firstOpenedAt ?? null,
				source: input.source,
				uploadedByAccountId: input.uploadedByAccountId ?? null,
				hiddenFromProfessionals: input.hiddenFromProfessionals ?? false,
				invisibleToPatient: input.invisibleToPatient ?? false,
				invisibleToLegalRepresentatives: input.invisibleToLegalRepresentatives ?? false,
				setId: input.setId ?? newId(),
				version: input.version ?? 1,
				replacesDocumentId: input.replacesDocumentId ?? null,
				externalId: input.externalId ?? null,
				blobRef: stored.ref,
				size: stored.size,
				sha256: stored.sha256,
				mediaType: input.mediaType,
				fileName: `document-${id}.${ext}`
			})
			.returning()
			.get();
		search.indexMetadata(tx, row);
		return row;
	});
	search.scheduleBody(db, document.id);
	return document;
}
