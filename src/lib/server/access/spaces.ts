/**
 * Loads the facts the policy needs from the database and asks it. Routes call these, never the
 * tables: a profile the account may not reach answers 404 (existence is not confirmed).
 */
import { error } from '@sveltejs/kit';
import { and, eq, sql } from 'drizzle-orm';
import { config } from '../config';
import { prepared, type Db } from '../db';
import { accessGrants, persons, type Person } from '../db/schema';
import * as documentQueries from '../documents/queries';
import * as policy from './policy';

export type ReachableProfile = { person: Person; decision: policy.SpaceGranted };

export function policyOptions(): policy.PolicyOptions {
	return { caregiverAccess: config().caregiverAccess };
}

/** Every space this account may reach now, its own first, then by name. */
export function reachableProfiles(db: Db, accountId: string, now: Date): ReachableProfile[] {
	const rows = prepared(db, 'spaces.reachable', (d) =>
		d
			.select({ grant: accessGrants, person: persons })
			.from(accessGrants)
			.innerJoin(persons, eq(accessGrants.personId, persons.id))
			.where(eq(accessGrants.accountId, sql.placeholder('accountId')))
			.prepare()
	).all({ accountId });
	const byPerson = new Map<string, { person: Person; grants: policy.GrantFacts[] }>();
	for (const { grant, person } of rows) {
		const entry = byPerson.get(person.id) ?? { person, grants: [] };
		entry.grants.push(grant);
		byPerson.set(person.id, entry);
	}
	const options = policyOptions();
	const result: ReachableProfile[] = [];
	for (const { person, grants } of byPerson.values()) {
		const decision = policy.decideSpace(grants, person, now, options);
		if (decision.allow) result.push({ person, decision });
	}
	return result.sort(
		(a, b) =>
			Number(b.decision.basis === 'self') - Number(a.decision.basis === 'self') ||
			a.person.usedGivenName.localeCompare(b.person.usedGivenName, 'fr')
	);
}

/** The decision for one account and one person; a denial when the person does not exist. */
export function decideSpace(
	db: Db,
	accountId: string,
	personId: string,
	now: Date
): { person: Person | undefined; decision: policy.SpaceDecision } {
	const person = prepared(db, 'spaces.person', (d) =>
		d
			.select()
			.from(persons)
			.where(eq(persons.id, sql.placeholder('personId')))
			.prepare()
	).get({ personId });
	if (!person) return { person, decision: { allow: false, reason: 'Espace introuvable.' } };
	const grants = prepared(db, 'spaces.grants', (d) =>
		d
			.select()
			.from(accessGrants)
			.where(
				and(
					eq(accessGrants.accountId, sql.placeholder('accountId')),
					eq(accessGrants.personId, sql.placeholder('personId'))
				)
			)
			.prepare()
	).all({ accountId, personId });
	return { person, decision: policy.decideSpace(grants, person, now, policyOptions()) };
}

/** Loads a space the account may reach for this action, or answers 404. */
export function requireSpace(
	db: Db,
	accountId: string,
	personId: string,
	now: Date,
	action: policy.Action = 'view_space'
): { person: Person; decision: policy.SpaceGranted } {
	const { person, decision } = decideSpace(db, accountId, personId, now);
	if (!person || !decision.allow || !policy.decideAction(decision, action).allow) {
		error(404, 'Page introuvable');
	}
	return { person, decision };
}

/** A document of a space the account reaches, once the policy allows it; else 404. */
export function requireDocument(
	db: Db,
	accountId: string,
	personId: string,
	documentId: string,
	now: Date
) {
	const space = requireSpace(db, accountId, personId, now, 'read_documents');
	const found = documentQueries.get(db, space.person.id, documentId);
	if (!found || !policy.decideDocument(space.decision, found.document).allow) {
		error(404, 'Page introuvable');
	}
	return { ...space, ...found };
}
