import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { persons } from './persons';

/**
 * Professional API keys (issue 3). The key itself is shown once at creation; only its SHA-256 is
 * stored, with a short prefix so an operator can tell keys apart.
 */
export const apiKeys = sqliteTable(
	'api_keys',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		/** SHA-256 (hex) of the whole key. */
		keyHash: text('key_hash').notNull().unique(),
		/** The first characters of the key, for display ("rls_ab12…"). */
		prefix: text('prefix').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch() * 1000)`),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('api_keys_organisation_idx').on(t.organisationId)]
);
export type ApiKey = typeof apiKeys.$inferSelect;

/** A person blocked this organisation (domain rule 7): it may no longer read nor push. */
export const organisationBlocks = sqliteTable(
	'organisation_blocks',
	{
		personId: text('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch() * 1000)`)
	},
	(t) => [primaryKey({ columns: [t.personId, t.organisationId] })]
);
export type OrganisationBlock = typeof organisationBlocks.$inferSelect;

/**
 * `Idempotency-Key` records: a retried request with the same key and the same body gets the first
 * response back; the same key with another body is refused.
 */
export const idempotencyRecords = sqliteTable(
	'idempotency_records',
	{
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		/** SHA-256 (hex) of method, route and body. */
		requestHash: text('request_hash').notNull(),
		responseStatus: integer('response_status').notNull(),
		/** The JSON response body (ids and metadata only, no health content beyond titles). */
		responseBody: text('response_body').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch() * 1000)`)
	},
	(t) => [primaryKey({ columns: [t.organisationId, t.key] })]
);
export type IdempotencyRecord = typeof idempotencyRecords.$inferSelect;
