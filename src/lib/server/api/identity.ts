/**
 * Finds the person a professional names by INS + identity traits (interop.md, domain.md "Identity").
 * The matricule key is checked (Corsica 2A/2B included), the OID must be a production INS root, or a
 * test/demo root when the server accepts them, every trait must be given and must match the space.
 * Refusals are ApiProblems with the MSSanté codes (902–905). Never logs an INS.
 */
import { and, eq } from 'drizzle-orm';
import { INS_OIDS } from '../documents/cda';
import type { Db } from '../db';
import { persons, type Person } from '../db/schema';
import { insKey, isValidMatricule, type Ins, type Traits } from '../identity/ins';
import { problem } from './problems';

export type InsClaim = { ins: Ins | null; traits: Traits };

const PRODUCTION_OIDS = new Set<string>([INS_OIDS.nir, INS_OIDS.nia]);
const TEST_OIDS = new Set<string>([INS_OIDS.testNir, INS_OIDS.demoNir]);

const traitNames: Record<keyof Traits, [string, string]> = {
	birthName: ['birth name', 'nom de naissance'],
	firstGivenName: ['first given name', 'premier prénom'],
	givenNames: ['birth given names', 'prénoms de naissance'],
	sex: ['sex', 'sexe'],
	birthDate: ['birth date', 'date de naissance'],
	birthPlace: ['birth place', 'lieu de naissance']
};

/** Canonical form for comparing name traits: no accents, upper case, one space, one apostrophe. */
export function canonicalName(value: string): string {
	return value
		.normalize('NFD')
		.replace(/\p{Mn}/gu, '')
		.replace(/[’‘`]/g, "'")
		.replace(/\s+/g, ' ')
		.trim()
		.toUpperCase();
}

/**
 * Checks the INS itself: present, known OID (test OIDs only when accepted), well-formed matricule
 * with the right key. Returns the normalised matricule (upper case for 2A/2B).
 */
export function checkIns(
	ins: { matricule: string; oid: string } | null,
	options: { acceptTestIns: boolean }
): { matricule: string; oid: string } {
	if (!ins || !ins.matricule) throw problem('903');
	const oid = ins.oid.trim();
	if (TEST_OIDS.has(oid) && !options.acceptTestIns) {
		throw problem(
			'904',
			`INS under the test/demonstration OID ${oid} are not accepted by this server.`,
			`Les INS de test ou de démonstration (OID ${oid}) ne sont pas acceptés par ce service.`
		);
	}
	if (!PRODUCTION_OIDS.has(oid) && !TEST_OIDS.has(oid)) {
		throw problem(
			'904',
			`"${oid.slice(0, 64)}" is not an INS OID (expected 1.2.250.1.213.1.4.8 or .9).`,
			`« ${oid.slice(0, 64)} » n’est pas un OID d’INS (attendu : 1.2.250.1.213.1.4.8 ou .9).`
		);
	}
	const matricule = ins.matricule.trim().toUpperCase();
	if (isValidMatricule(matricule)) return { matricule, oid };
	const first13 = matricule.slice(0, 13);
	const key = matricule.slice(13);
	let expected: string | null = null;
	try {
		expected = matricule.length === 15 && /^\d{2}$/.test(key) ? insKey(first13) : null;
	} catch {
		expected = null;
	}
	if (expected) {
		throw problem(
			'904',
			`The INS matricule has a wrong key: "${key}" does not match its first 13 characters (the key should be "${expected}").`,
			`La clé du matricule INS est erronée : « ${key} » ne correspond pas aux 13 premiers caractères (la clé devrait être « ${expected} »).`,
			{ invalid_key: key }
		);
	}
	throw problem(
		'904',
		'The INS matricule is malformed: 13 characters (digits, or 2A/2B for Corsica) and a 2-digit key.',
		'Le matricule INS est mal formé : 13 caractères (chiffres, ou 2A/2B pour la Corse) et une clé de 2 chiffres.'
	);
}

/** Names the missing traits; throws 905 when any is missing. */
export function requireTraits(traits: Traits): Required<{ [K in keyof Traits]: string }> {
	const missing = (Object.keys(traitNames) as (keyof Traits)[]).filter(
		(k) => !traits[k] || !String(traits[k]).trim()
	);
	if (missing.length > 0) {
		throw problem(
			'905',
			`Missing identity traits: ${missing.map((k) => traitNames[k][0]).join(', ')}.`,
			`Traits d’identité manquants : ${missing.map((k) => traitNames[k][1]).join(', ')}.`,
			{ missing_traits: missing }
		);
	}
	return traits as Required<{ [K in keyof Traits]: string }>;
}

/** True when every trait matches the person exactly (names compared in canonical form). */
export function traitsMatch(
	person: Person,
	traits: Required<{ [K in keyof Traits]: string }>
): boolean {
	return (
		canonicalName(person.birthName) === canonicalName(traits.birthName) &&
		canonicalName(person.firstGivenName) === canonicalName(traits.firstGivenName) &&
		canonicalName(person.givenNames) === canonicalName(traits.givenNames) &&
		person.sex === traits.sex.trim().toUpperCase() &&
		person.birthDate === traits.birthDate.trim() &&
		person.birthPlace.toUpperCase() === traits.birthPlace.trim().toUpperCase()
	);
}

/** The person with this INS (matricule + OID root), or null. */
export function findByIns(db: Db, ins: { matricule: string; oid: string }): Person | null {
	return (
		db
			.select()
			.from(persons)
			.where(and(eq(persons.insMatricule, ins.matricule), eq(persons.insOid, ins.oid)))
			.get() ?? null
	);
}

/** INS check, traits present, person found (902), traits match (904). */
export function matchPerson(db: Db, claim: InsClaim, options: { acceptTestIns: boolean }): Person {
	const ins = checkIns(claim.ins, options);
	const traits = requireTraits(claim.traits);
	const person = findByIns(db, ins);
	if (!person) throw problem('902');
	if (!traitsMatch(person, traits)) {
		throw problem(
			'904',
			'The identity traits do not match those of the person with this INS.',
			'Les traits d’identité ne correspondent pas à ceux de la personne ayant cet INS.'
		);
	}
	return person;
}
