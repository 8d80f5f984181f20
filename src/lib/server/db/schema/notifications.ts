import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Emails waiting to be sent (or kept, without SMTP_URL, as the local outbox). They never carry
 * health content: only that something new is in a space, and a link to sign in.
 */
export const emailOutbox = sqliteTable(
	'email_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch() * 1000)`),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error')
	},
	(t) => [index('email_outbox_pending_idx').on(t.sentAt, t.createdAt)]
);
export type EmailOutbox = typeof emailOutbox.$inferSelect;
