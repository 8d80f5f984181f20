import { describe, expect, it } from 'vitest';
import * as policy from '../../src/lib/server/access/policy';
import type { GrantFacts, PersonFacts } from '../../src/lib/server/access/policy';

const now = new Date('2026-11-25T10:00:00Z');
const day = 24 * 3600 * 1000;
const on = { caregiverAccess: true };
const off = { caregiverAccess: false };

function person(overrides: Partial<PersonFacts> = {}): PersonFacts {
	return {
		id: 'p',
		birthDate: '1950-01-01',
		protection: 'none',
		keepsOwnAccess: true,
		exclusion: null,
		spaceStatus: 'active',
		usedGivenName: 'Irène',
		sex: 'F',
		...overrides
	};
}

function grant(basis: GrantFacts['basis'], overrides: Partial<GrantFacts> = {}): GrantFacts {
	const delegation = basis === 'caregiver' || basis === 'curatorship_consent';
	return {
		basis,
		scopes: delegation ? ['documents', 'inbox'] : [],
		categories: [],
		startsAt: new Date(now.getTime() - 30 * day),
		endsAt: delegation ? new Date(now.getTime() + 150 * day) : null,
		revokedAt: null,
		...overrides
	};
}

const adult = person();
const minor = person({ birthDate: '2016-06-20', usedGivenName: 'Adrien', sex: 'M' });
const underTutelle = person({ protection: 'guardianship', usedGivenName: 'Claude', sex: 'M' });
const underTutelleNoOwn = person({ protection: 'guardianship', keepsOwnAccess: false });
const underCuratelle = person({ protection: 'curatorship', usedGivenName: 'Louis', sex: 'M' });
const excludedInsured = person({
	birthDate: '2010-04-18',
	exclusion: 'insured_in_own_right',
	spaceStatus: 'excluded',
	usedGivenName: 'Elise'
});
const excludedEmancipated = person({
	birthDate: '2009-04-18',
	exclusion: 'emancipated',
	spaceStatus: 'excluded'
});
const closed = person({ spaceStatus: 'closed' });

type Row = {
	rule: string;
	who: PersonFacts;
	grants: GrantFacts[];
	options?: policy.PolicyOptions;
	allow: boolean;
	basis?: string;
	reason: RegExp;
};

// Every rule of domain.md that decides whether a space is reached, for every relation.
const rows: Row[] = [
	// Rule 1: adult holder
	{
		rule: '1 adult holder',
		who: adult,
		grants: [grant('self')],
		allow: true,
		basis: 'self',
		reason: /titulaire de cet espace/
	},
	{ rule: '1 stranger', who: adult, grants: [], allow: false, reason: /pas accès/ },
	{
		rule: '1 anonymous-equivalent (no grant) on a minor',
		who: minor,
		grants: [],
		allow: false,
		reason: /pas accès/
	},
	// Rule 2: minors and parental authority
	{
		rule: '2 parent of a minor',
		who: minor,
		grants: [grant('parental_authority')],
		allow: true,
		basis: 'parental_authority',
		reason: /autorité parentale/
	},
	{
		rule: '2 minor has no login of their own',
		who: minor,
		grants: [grant('self')],
		allow: false,
		reason: /autorité parentale jusqu’à ses 18 ans/
	},
	{
		rule: '2 parent of an adult child',
		who: adult,
		grants: [grant('parental_authority')],
		allow: false,
		reason: /majeur/
	},
	{
		rule: '2 caregiver cannot reach a minor',
		who: minor,
		grants: [grant('caregiver')],
		allow: false,
		reason: /adulte/
	},
	// Rule 3: excluded minors
	{
		rule: '3 insured minor: parent',
		who: excludedInsured,
		grants: [grant('parental_authority')],
		allow: false,
		reason: /mineur assuré/
	},
	{
		rule: '3 insured minor: self',
		who: excludedInsured,
		grants: [grant('self')],
		allow: false,
		reason: /mineur assuré/
	},
	{
		rule: '3 insured minor: stranger',
		who: excludedInsured,
		grants: [],
		allow: false,
		reason: /mineur assuré/
	},
	{
		rule: '3 emancipated minor',
		who: excludedEmancipated,
		grants: [grant('parental_authority')],
		allow: false,
		reason: /émancipé/
	},
	// Rule 4: tutelle
	{
		rule: '4 tuteur',
		who: underTutelle,
		grants: [grant('guardianship')],
		allow: true,
		basis: 'guardianship',
		reason: /tutelle/
	},
	{
		rule: '4 person under tutelle keeps own access',
		who: underTutelle,
		grants: [grant('self')],
		allow: true,
		basis: 'self',
		reason: /titulaire/
	},
	{
		rule: '4 measure without own access',
		who: underTutelleNoOwn,
		grants: [grant('self')],
		allow: false,
		reason: /tuteur ou tutrice/
	},
	{
		rule: '4 guardianship grant without a measure',
		who: adult,
		grants: [grant('guardianship')],
		allow: false,
		reason: /Aucune mesure de tutelle/
	},
	// Rule 5: curatelle
	{
		rule: '5 curateur without consent',
		who: underCuratelle,
		grants: [],
		allow: false,
		reason: /pas accès/
	},
	{
		rule: '5 person under curatelle manages their space',
		who: underCuratelle,
		grants: [grant('self')],
		allow: true,
		basis: 'self',
		reason: /titulaire/
	},
	{
		rule: '5 curateur with consent',
		who: underCuratelle,
		grants: [grant('curatorship_consent')],
		allow: true,
		basis: 'curatorship_consent',
		reason: /accord/
	},
	{
		rule: '5 curateur consent withdrawn',
		who: underCuratelle,
		grants: [grant('curatorship_consent', { revokedAt: new Date(now.getTime() - day) })],
		allow: false,
		reason: /retiré/
	},
	// Rule 6: caregivers
	{
		rule: '6 caregiver, feature on',
		who: adult,
		grants: [grant('caregiver')],
		allow: true,
		basis: 'caregiver',
		reason: /expérimental/
	},
	{
		rule: '6 caregiver, feature off',
		who: adult,
		grants: [grant('caregiver')],
		options: off,
		allow: false,
		reason: /pas activé/
	},
	{
		rule: '6 caregiver expired',
		who: adult,
		grants: [grant('caregiver', { endsAt: new Date(now.getTime() - 1) })],
		allow: false,
		reason: /pris fin/
	},
	{
		rule: '6 caregiver revoked',
		who: adult,
		grants: [grant('caregiver', { revokedAt: new Date(now.getTime() - 1000) })],
		allow: false,
		reason: /retiré/
	},
	{
		rule: '6 caregiver not started',
		who: adult,
		grants: [grant('caregiver', { startsAt: new Date(now.getTime() + day) })],
		allow: false,
		reason: /pas encore commencé/
	},
	{
		rule: '6 caregiver without end',
		who: adult,
		grants: [grant('caregiver', { endsAt: null })],
		allow: false,
		reason: /12 mois/
	},
	{
		rule: '6 caregiver over 12 months',
		who: adult,
		grants: [
			grant('caregiver', {
				startsAt: new Date(now.getTime() - day),
				endsAt: new Date(now.getTime() + 370 * day)
			})
		],
		allow: false,
		reason: /12 mois/
	},
	{
		rule: '6 caregiver of someone under tutelle',
		who: underTutelle,
		grants: [grant('caregiver')],
		allow: true,
		basis: 'caregiver',
		reason: /expérimental/
	},
	// Rule 8: closed space
	{
		rule: '8 closed space: holder',
		who: closed,
		grants: [grant('self')],
		allow: false,
		reason: /fermé/
	},
	{
		rule: '8 closed space: caregiver',
		who: closed,
		grants: [grant('caregiver')],
		allow: false,
		reason: /fermé/
	},
	// Several grants: the strongest valid one wins
	{
		rule: 'several grants',
		who: underTutelle,
		grants: [grant('caregiver'), grant('guardianship')],
		allow: true,
		basis: 'guardianship',
		reason: /tutelle/
	}
];

describe('access policy — spaces (domain.md rules 1–8)', () => {
	it.each(rows)('rule $rule', (row) => {
		const decision = policy.decideSpace(row.grants, row.who, now, row.options ?? on);
		expect(decision.allow).toBe(row.allow);
		expect(decision.reason).toMatch(row.reason);
		if (decision.allow) expect(decision.basis).toBe(row.basis);
	});
});

describe('majority at 18, Europe/Paris calendar', () => {
	const elliot = person({ birthDate: '2008-12-01', usedGivenName: 'Elliot', sex: 'M' });
	const parent = [grant('parental_authority', { startsAt: new Date('2008-12-01T00:00:00Z') })];

	it('parents reach the space the evening before, in Paris time', () => {
		// 2026-11-30T22:59:59Z is 23:59:59 in Paris (UTC+1): still 17.
		const d = policy.decideSpace(parent, elliot, new Date('2026-11-30T22:59:59Z'), on);
		expect(d.allow).toBe(true);
	});

	it('parental access ends at midnight Paris time on the 18th birthday', () => {
		// 23:00Z on 30 November is 00:00 on 1 December in Paris: UTC would still say 30 November.
		const d = policy.decideSpace(parent, elliot, new Date('2026-11-30T23:00:00Z'), on);
		expect(d.allow).toBe(false);
		expect(d.reason).toMatch(/majeur·e depuis le 1 décembre 2026/);
	});

	it('the young adult gets their own access that day', () => {
		const d = policy.decideSpace([grant('self')], elliot, new Date('2026-11-30T23:00:00Z'), on);
		expect(d.allow).toBe(true);
	});

	it('parental access is time-limited to the majority date', () => {
		const d = policy.decideSpace(parent, elliot, new Date('2026-06-01T10:00:00Z'), on);
		expect(d.allow && d.until?.toISOString()).toBe('2026-11-30T23:00:00.000Z');
	});

	it('someone born on 29 February comes of age on 1 March', () => {
		expect(policy.anniversary('2008-02-29', 18)).toBe('2026-03-01');
		const leap = person({ birthDate: '2008-02-29' });
		expect(policy.isMinor(leap, new Date('2026-02-28T12:00:00Z'))).toBe(true);
		expect(policy.isMinor(leap, new Date('2026-03-01T12:00:00Z'))).toBe(false);
	});
});

describe('access policy — documents', () => {
	const doc = (overrides: Partial<policy.DocumentFacts> = {}): policy.DocumentFacts => ({
		category: 'ordonnances',
		deletedAt: null,
		invisibleToPatient: false,
		invisibleToLegalRepresentatives: false,
		...overrides
	});
	const secret = doc({ invisibleToLegalRepresentatives: true, category: 'comptes-rendus' });
	const holder = policy.decideSpace([grant('self')], adult, now, on);
	const parent = policy.decideSpace([grant('parental_authority')], minor, now, on);
	const tuteur = policy.decideSpace([grant('guardianship')], underTutelle, now, on);
	const caregiver = policy.decideSpace([grant('caregiver')], adult, now, on);
	const scopedCaregiver = policy.decideSpace(
		[grant('caregiver', { categories: ['ordonnances'] })],
		adult,
		now,
		on
	);
	const inboxOnly = policy.decideSpace([grant('caregiver', { scopes: ['inbox'] })], adult, now, on);
	const stranger = policy.decideSpace([], adult, now, on);

	it.each([
		['holder reads an ordinary document', holder, doc(), true],
		['holder reads a document under the minor’s secret once adult', holder, secret, true],
		['parent reads an ordinary document of the minor', parent, doc(), true],
		['parent never reads the minor’s secret', parent, secret, false],
		['tuteur never reads a document hidden from legal representatives', tuteur, secret, false],
		[
			'caregiver never reads a document hidden from legal representatives',
			caregiver,
			secret,
			false
		],
		[
			'nobody on the person’s side reads INVISIBLE_PATIENT',
			holder,
			doc({ invisibleToPatient: true }),
			false
		],
		['parent does not read INVISIBLE_PATIENT', parent, doc({ invisibleToPatient: true }), false],
		['deleted documents are not read', holder, doc({ deletedAt: now }), false],
		['caregiver within its categories', scopedCaregiver, doc(), true],
		['caregiver outside its categories', scopedCaregiver, doc({ category: 'biologie' }), false],
		['delegation without the documents scope', inboxOnly, doc(), false],
		['stranger', stranger, doc(), false]
	] as const)('%s', (_label, space, document, allow) => {
		expect(policy.decideDocument(space, document).allow).toBe(allow);
	});

	it('list filters mirror document decisions', () => {
		for (const space of [holder, parent, tuteur, caregiver, scopedCaregiver]) {
			if (!space.allow) throw new Error('expected access');
			const f = space.documentFilter;
			expect(f.excludeInvisibleToPatient).toBe(true);
			expect(f.excludeSecretFromRepresentatives).toBe(space.basis !== 'self');
		}
		expect(scopedCaregiver.allow && scopedCaregiver.documentFilter.categories).toEqual([
			'ordonnances'
		]);
	});

	it('actions follow delegation scopes', () => {
		expect(policy.decideAction(inboxOnly, 'use_inbox').allow).toBe(true);
		expect(policy.decideAction(inboxOnly, 'read_documents').allow).toBe(false);
		expect(policy.decideAction(inboxOnly, 'view_space').allow).toBe(true);
		expect(policy.decideAction(parent, 'send_documents').allow).toBe(true);
		expect(policy.decideAction(stranger, 'view_space').allow).toBe(false);
		expect(policy.decideAction(inboxOnly, 'add_documents').allow).toBe(false);
		expect(policy.decideAction(holder, 'add_documents').allow).toBe(true);
	});

	it.each([
		['holder', holder, true],
		['parent', parent, true],
		['tuteur', tuteur, true],
		['caregiver', caregiver, false],
		['stranger', stranger, false]
	] as const)('only the person and legal representatives manage documents: %s', (_l, space, ok) => {
		expect(policy.decideAction(space, 'manage_documents').allow).toBe(ok);
		expect(policy.decideAction(space, 'view_history').allow).toBe(ok);
	});

	it('a curateur with consent is a delegate, not a legal representative', () => {
		const curateur = policy.decideSpace([grant('curatorship_consent')], underCuratelle, now, on);
		expect(policy.decideAction(curateur, 'read_documents').allow).toBe(true);
		expect(policy.decideAction(curateur, 'manage_documents').allow).toBe(false);
	});
});
