import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const organisationKinds = [
	'hospital',
	'gp',
	'pharmacy',
	'nurse',
	'lab',
	'ehpad',
	'dime',
	'camsp',
	'esat',
	'mdph',
	'other_esms',
	'other'
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisations = sqliteTable('organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	kind: text('kind', { enum: organisationKinds }).notNull(),
	finess: text('finess').unique(),
	mssAddress: text('mss_address'),
	createdAt: integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch() * 1000)`)
});
export type Organisation = typeof organisations.$inferSelect;
