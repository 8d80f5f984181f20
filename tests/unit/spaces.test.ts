/**
 * The policy applied to the real demo data in a real SQLite file: who reaches which space, and
 * that the SQL filter of document lists keeps exactly what `decideDocument` allows.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as policy from '../../src/lib/server/access/policy';
import { reachableProfiles } from '../../src/lib/server/access/spaces';
import { type Db } from '../../src/lib/server/db';
import { accounts, documents, persons } from '../../src/lib/server/db/schema';
import * as queries from '../../src/lib/server/documents/queries';
import { closeDemoDb, openDemoDb, personIdByIns } from '../support/demo-db';
import { reloadConfig } from '../../src/lib/server/config';

let dir: string;
let db: Db;
const now = new Date();

beforeAll(() => {
	({ dir, db } = openDemoDb('spaces', now));
});

afterAll(() => closeDemoDb({ dir, db }));

function insOf(personId: string): string {
	return db.select().from(persons).where(eq(persons.id, personId)).get()?.insMatricule ?? '';
}

function keyOf(personId: string): string {
	const account = db.select().from(accounts).where(eq(accounts.personId, personId)).get();
	return account?.email ?? `ins:${insOf(personId)}`;
}

/** domain.md "Demo accounts": what each account reaches besides its own space. */
const others: Record<string, string[]> = {
	'fille-christiane@relais.test': ['christiane@relais.test'],
	'fille-rita@relais.test': ['rita@relais.test'],
	'parent1-adrien@relais.test': ['ins:116066311320181'],
	'parent2-adrien@relais.test': ['ins:116066311320181'],
	'parent1-lucas@relais.test': ['ins:122027401003365'],
	'parent2-lucas@relais.test': ['ins:122027401003365'],
	'parent-elliot@relais.test': ['ins:111093818511245'],
	'tuteur-claude@relais.test': ['claude@relais.test']
};

describe('spaces reached by each demo account', () => {
	it('matches domain.md for every account', () => {
		const all = db.select().from(accounts).all();
		expect(all.length).toBe(23);
		for (const account of all) {
			const reached = reachableProfiles(db, account.id, now).map((p) => keyOf(p.person.id));
			expect(reached.sort(), account.email).toEqual(
				[account.email, ...(others[account.email] ?? [])].sort()
			);
		}
	});

	it('caregivers lose access when the feature is off', () => {
		process.env.CAREGIVER_ACCESS = '0';
		reloadConfig();
		try {
			const daughter = db
				.select()
				.from(accounts)
				.where(eq(accounts.email, 'fille-christiane@relais.test'))
				.get();
			const reached = reachableProfiles(db, daughter!.id, now).map((p) => keyOf(p.person.id));
			expect(reached).toEqual(['fille-christiane@relais.test']);
		} finally {
			delete process.env.CAREGIVER_ACCESS;
			reloadConfig();
		}
	});
});

describe('document lists mirror document decisions', () => {
	it('for every account and every space it reaches', () => {
		let checked = 0;
		for (const account of db.select().from(accounts).all()) {
			for (const { person, decision } of reachableProfiles(db, account.id, now)) {
				const listed = queries
					.listCurrent(db, person.id, decision.documentFilter)
					.map((d) => d.id)
					.sort();
				const expected = db
					.select()
					.from(documents)
					.where(eq(documents.personId, person.id))
					.all()
					.filter((d) => d.supersededAt === null && policy.decideDocument(decision, d).allow)
					.map((d) => d.id)
					.sort();
				expect(listed, `${account.email} → ${keyOf(person.id)}`).toEqual(expected);
				checked += listed.length;
			}
		}
		expect(checked).toBeGreaterThan(60);
	});

	it('the parent of Elliot never lists his secret document; nobody else is affected', () => {
		const parent = db
			.select()
			.from(accounts)
			.where(eq(accounts.email, 'parent-elliot@relais.test'))
			.get()!;
		const elliotId = personIdByIns(db, '111093818511245');
		const elliot = reachableProfiles(db, parent.id, now).find((p) => p.person.id === elliotId)!;
		const secret = db
			.select()
			.from(documents)
			.where(eq(documents.personId, elliot.person.id))
			.all()
			.filter((d) => d.invisibleToLegalRepresentatives);
		expect(secret.length).toBe(1);
		const listed = queries.listCurrent(db, elliot.person.id, elliot.decision.documentFilter);
		expect(listed.map((d) => d.id)).not.toContain(secret[0]!.id);
		expect(listed.length).toBeGreaterThanOrEqual(2);
	});
});
