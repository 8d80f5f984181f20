import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { organisations } from './organisations';
import { persons } from './persons';

export const documentSources = ['professional', 'person'] as const;

export const documents = sqliteTable(
	'documents',
	{
		id: text('id').primaryKey(),
		personId: text('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		typeCode: text('type_code').notNull(),
		typeSystem: text('type_system').notNull(),
		typeDisplay: text('type_display').notNull(),
		/** Category shown to the person (see documents/categories.ts). */
		category: text('category').notNull(),
		title: text('title').notNull(),
		authorName: text('author_name'),
		organisationId: text('organisation_id').references(() => organisations.id),
		/** When the document was written (CDA effectiveTime). */
		authoredAt: integer('authored_at', { mode: 'timestamp_ms' }).notNull(),
		/** When it reached the space. */
		receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
		source: text('source', { enum: documentSources }).notNull(),
		uploadedByAccountId: text('uploaded_by_account_id').references(() => accounts.id),
		/** JDV_J08 MASQUE_PS: hidden from professionals. */
		hiddenFromProfessionals: integer('hidden_from_professionals', { mode: 'boolean' })
			.notNull()
			.default(false),
		/** JDV_J08 INVISIBLE_PATIENT: not shown on the person's side (until a consultation). */
		invisibleToPatient: integer('invisible_to_patient', { mode: 'boolean' })
			.notNull()
			.default(false),
		/** JDV_J08 INVISIBLE_REPRESENTANTS_LEGAUX: the minor's secret. */
		invisibleToLegalRepresentatives: integer('invisible_to_legal_representatives', {
			mode: 'boolean'
		})
			.notNull()
			.default(false),
		/** Version chain: every version of one document shares a set id. */
		setId: text('set_id').notNull(),
		version: integer('version').notNull().default(1),
		replacesDocumentId: text('replaces_document_id'),
		/** Set when a newer version arrives. */
		supersededAt: integer('superseded_at', { mode: 'timestamp_ms' }),
		/** Identifier given by the sender (CDA id root/extension), when any. */
		externalId: text('external_id'),
		/** Storage name of the encrypted bytes. */
		blobRef: text('blob_ref').notNull(),
		size: integer('size').notNull(),
		/** SHA-256 (hex) of the plain bytes, verified on every read. */
		sha256: text('sha256').notNull(),
		mediaType: text('media_type').notNull(),
		/** Download name we generate (never the uploader's). */
		fileName: text('file_name').notNull(),
		/** First time someone on the person's side opened it: until then it is marked "nouveau". */
		firstOpenedAt: integer('first_opened_at', { mode: 'timestamp_ms' }),
		/** In the bin since (restorable for 30 days, then purged with its file). */
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
		deletedByAccountId: text('deleted_by_account_id').references(() => accounts.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch() * 1000)`)
	},
	(t) => [
		index('documents_person_received_idx').on(t.personId, t.receivedAt),
		// The list (newest first) and its per-category views follow the profile's size only.
		index('documents_person_authored_idx').on(t.personId, t.authoredAt),
		index('documents_person_category_idx').on(t.personId, t.category, t.authoredAt),
		// "Nouveau" counts read only the documents nobody on the person's side has opened yet.
		index('documents_person_new_idx')
			.on(t.personId)
			.where(sql`${t.firstOpenedAt} is null`),
		index('documents_set_idx').on(t.personId, t.setId, t.version)
	]
);
export type Document = typeof documents.$inferSelect;
