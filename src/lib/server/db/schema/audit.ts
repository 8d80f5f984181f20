import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';
import { organisations } from './organisations';
import { persons } from './persons';

/** Access history: every access to a space, shown to the person. Never carries health content. */
export const accessEvents = sqliteTable(
	'access_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		personId: text('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		actorAccountId: text('actor_account_id').references(() => accounts.id, {
			onDelete: 'set null'
		}),
		actorOrganisationId: text('actor_organisation_id').references(() => organisations.id),
		/** The basis the actor used (self, parental_authority, …, professional). */
		basis: text('basis').notNull(),
		action: text('action').notNull(),
		objectType: text('object_type'),
		objectId: text('object_id')
	},
	(t) => [index('access_events_person_at_idx').on(t.personId, t.at)]
);
export type AccessEvent = typeof accessEvents.$inferSelect;
