import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { persons } from './persons';

/** A login (email + password). One account may reach several profiles through grants. */
export const accounts = sqliteTable('accounts', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	passwordHash: text('password_hash').notNull(),
	/** The account holder's own space, when they have one. */
	personId: text('person_id').references(() => persons.id),
	displayName: text('display_name').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch() * 1000)`),
	passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' }),
	/** Email when a new document arrives in a space the account reaches (never its content). */
	notifyNewDocuments: integer('notify_new_documents', { mode: 'boolean' }).notNull().default(true)
});
export type Account = typeof accounts.$inferSelect;

/** Sessions as in the Lucia guide: the id is the SHA-256 of the cookie token, never the token. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		/** Absolute end, whatever the activity. */
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sessions_account_idx').on(t.accountId)]
);
export type Session = typeof sessions.$inferSelect;

/** Failed sign-in counters, per account (email) and per IP: key = "account:<email>" | "ip:<addr>". */
export const signInThrottle = sqliteTable('sign_in_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
	lockedUntil: integer('locked_until', { mode: 'timestamp_ms' })
});
export type SignInThrottle = typeof signInThrottle.$inferSelect;
