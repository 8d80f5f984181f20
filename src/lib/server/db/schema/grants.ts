import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { persons } from './persons';

/** The legal or consented basis on which an account reaches a person's space (domain rules 1–6). */
export const grantBases = [
	'self',
	'parental_authority',
	'guardianship',
	'curatorship_consent',
	'caregiver'
] as const;
export type GrantBasis = (typeof grantBases)[number];

/** What a delegation (curateur with consent, caregiver) may touch. Legal bases reach everything. */
export const grantScopes = [
	'documents',
	'inbox',
	'appointments',
	'send_documents',
	'add_documents',
	'mdph'
] as const;
export type GrantScope = (typeof grantScopes)[number];

export const accessGrants = sqliteTable(
	'access_grants',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		personId: text('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		basis: text('basis', { enum: grantBases }).notNull(),
		/** JSON array of GrantScope; only read for delegations. */
		scopes: text('scopes', { mode: 'json' })
			.$type<GrantScope[]>()
			.notNull()
			.default(sql`'[]'`),
		/** JSON array of document categories a delegation may read; empty = all categories. */
		categories: text('categories', { mode: 'json' })
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'`),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		endsAt: integer('ends_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		/** Who consented (the holder or the tuteur), for delegations. */
		grantedByAccountId: text('granted_by_account_id').references(() => accounts.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch() * 1000)`)
	},
	(t) => [index('grants_account_idx').on(t.accountId), index('grants_person_idx').on(t.personId)]
);
export type AccessGrant = typeof accessGrants.$inferSelect;
