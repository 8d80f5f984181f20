/**
 * Loads the facts the policy needs from the database and asks it: the spaces an account reaches.
 * Routes go through `request.ts` (once per request, 404 for what is out of reach), never the tables.
 */
import { eq, sql } from 'drizzle-orm';
import { config } from '../config';
import { prepared, type Db } from '../db';
import { accessGrants, persons, type Person } from '../db/schema';
import * as policy from './policy';

/** What pages need of a person: the policy's facts and the names shown. */
const personColumns = {
	id: persons.id,
	birthName: persons.birthName,
	usedGivenName: persons.usedGivenName,
	sex: persons.sex,
	birthDate: persons.birthDate,
	protection: persons.protection,
	keepsOwnAccess: persons.keepsOwnAccess,
	exclusion: persons.exclusion,
	spaceStatus: persons.spaceStatus
};
/** The grant's facts the policy decides on. */
const grantColumns = {
	basis: accessGrants.basis,
	scopes: accessGrants.scopes,
	categories: accessGrants.categories,
	startsAt: accessGrants.startsAt,
	endsAt: accessGrants.endsAt,
	revokedAt: accessGrants.revokedAt
};
export type SpacePerson = policy.PersonFacts & Pick<Person, 'birthName'>;
export type ReachableProfile = { person: SpacePerson; decision: policy.SpaceGranted };

/** Names sort the French way (é with e), with one collator for every comparison. */
const byName = new Intl.Collator('fr');

export function policyOptions(): policy.PolicyOptions {
	return { caregiverAccess: config().caregiverAccess };
}

/** Every space this account may reach now, its own first, then by name. */
export function reachableProfiles(db: Db, accountId: string, now: Date): ReachableProfile[] {
	const rows = prepared(db, 'spaces.reachable', (d) =>
		d
			.select({ grant: grantColumns, person: personColumns })
			.from(accessGrants)
			.innerJoin(persons, eq(accessGrants.personId, persons.id))
			.where(eq(accessGrants.accountId, sql.placeholder('accountId')))
			.prepare()
	).all({ accountId });
	const byPerson = new Map<string, { person: SpacePerson; grants: policy.GrantFacts[] }>();
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
			byName.compare(a.person.usedGivenName, b.person.usedGivenName)
	);
}
