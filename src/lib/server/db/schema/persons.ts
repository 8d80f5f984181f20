import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const identityStatuses = ['PROV', 'RECUP', 'VALI', 'QUAL'] as const;
export type IdentityStatus = (typeof identityStatuses)[number];

/** Legal protection of an adult. Minority is not stored: it follows from the birth date. */
export const protections = [
	'none',
	'guardianship',
	'curatorship',
	'family_assistance',
	'safeguard'
] as const;
export type Protection = (typeof protections)[number];

/** Why a minor has no space (domain rule 3). */
export const exclusions = ['emancipated', 'insured_in_own_right'] as const;
export type Exclusion = (typeof exclusions)[number];

export const spaceStatuses = ['active', 'closed', 'excluded'] as const;
export type SpaceStatus = (typeof spaceStatuses)[number];

/** A person: one profile (space) each. The id is opaque and random: it is what URLs carry. */
export const persons = sqliteTable(
	'persons',
	{
		id: text('id').primaryKey(),
		insMatricule: text('ins_matricule'),
		insOid: text('ins_oid'),
		identityStatus: text('identity_status', { enum: identityStatuses }).notNull().default('PROV'),
		birthName: text('birth_name').notNull(),
		/** First given name of the birth certificate (premier prénom). */
		firstGivenName: text('first_given_name').notNull(),
		/** All given names, space-separated, as on the birth certificate. */
		givenNames: text('given_names').notNull(),
		/** The name the person goes by, for display ("Irène"). */
		usedGivenName: text('used_given_name').notNull(),
		sex: text('sex', { enum: ['F', 'M', 'UN'] }).notNull(),
		/** YYYY-MM-DD */
		birthDate: text('birth_date').notNull(),
		/** INSEE code of the birth place (commune, or 99xxx abroad). */
		birthPlace: text('birth_place').notNull(),
		protection: text('protection', { enum: protections }).notNull().default('none'),
		/** Under guardianship: does the measure let the person keep their own access? */
		keepsOwnAccess: integer('keeps_own_access', { mode: 'boolean' }).notNull().default(true),
		exclusion: text('exclusion', { enum: exclusions }),
		spaceStatus: text('space_status', { enum: spaceStatuses }).notNull().default('active'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch() * 1000)`)
	},
	(t) => [uniqueIndex('persons_ins_idx').on(t.insMatricule, t.insOid)]
);
export type Person = typeof persons.$inferSelect;
