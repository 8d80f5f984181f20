import { describe, expect, it } from 'vitest';
import { canonicalName, checkIns, requireTraits } from '$lib/server/api/identity';
import { ApiProblem } from '$lib/server/api/problems';
import { decideProfessional, professionalMaySee } from '$lib/server/access/policy';

function problemOf(fn: () => unknown) {
	try {
		fn();
	} catch (e) {
		if (e instanceof ApiProblem) return e.body;
		throw e;
	}
	throw new Error('expected a problem');
}

const TEST = '1.2.250.1.213.1.4.10';
const PROD = '1.2.250.1.213.1.4.8';

describe('INS checks', () => {
	it('accepts valid matricules, Corsica included, under production OIDs', () => {
		expect(checkIns({ matricule: '279035121518989', oid: PROD }, { acceptTestIns: false })).toEqual(
			{
				matricule: '279035121518989',
				oid: PROD
			}
		);
		expect(
			checkIns({ matricule: '180032a00401289', oid: PROD }, { acceptTestIns: false }).matricule
		).toBe('180032A00401289');
	});

	it('accepts the test and demo OIDs only when configured', () => {
		expect(
			problemOf(() =>
				checkIns({ matricule: '279035121518989', oid: TEST }, { acceptTestIns: false })
			)
		).toMatchObject({ code: '904' });
		expect(checkIns({ matricule: '279035121518989', oid: TEST }, { acceptTestIns: true }).oid).toBe(
			TEST
		);
		expect(
			problemOf(() =>
				checkIns({ matricule: '279035121518989', oid: '1.2.3' }, { acceptTestIns: true })
			)
		).toMatchObject({ code: '904' });
	});

	it('names a wrong key, refuses malformed matricules, 903 without INS', () => {
		const wrong = problemOf(() =>
			checkIns({ matricule: '276059205062865', oid: PROD }, { acceptTestIns: true })
		);
		expect(wrong).toMatchObject({ code: '904', invalid_key: '65' });
		expect(String(wrong.detail)).toContain('"83"');
		expect(
			problemOf(() =>
				checkIns({ matricule: '180032C00401289', oid: PROD }, { acceptTestIns: true })
			)
		).toMatchObject({ code: '904' });
		expect(
			problemOf(() => checkIns({ matricule: '12', oid: PROD }, { acceptTestIns: true }))
		).toMatchObject({ code: '904' });
		expect(problemOf(() => checkIns(null, { acceptTestIns: true }))).toMatchObject({ code: '903' });
	});

	it('905 names the missing traits', () => {
		const body = problemOf(() =>
			requireTraits({
				birthName: 'X',
				firstGivenName: 'Y',
				givenNames: 'Y',
				sex: 'F',
				birthDate: null,
				birthPlace: ' '
			})
		);
		expect(body).toMatchObject({ code: '905', missing_traits: ['birthDate', 'birthPlace'] });
	});

	it('compares names without accents, case or apostrophe style', () => {
		expect(canonicalName('  Éléanore  Suzanne ')).toBe('ELEANORE SUZANNE');
		expect(canonicalName('D’ARC')).toBe(canonicalName("d'Arc"));
		expect(canonicalName('PAT-TROIS')).not.toBe(canonicalName('PAT TROIS'));
	});
});

describe('rule 7 for professionals', () => {
	it('refuses excluded and closed spaces and blocked organisations', () => {
		expect(
			decideProfessional({ exclusion: 'insured_in_own_right', spaceStatus: 'excluded' }, false)
		).toMatchObject({ allow: false, code: 'space-excluded' });
		expect(decideProfessional({ exclusion: null, spaceStatus: 'closed' }, false)).toMatchObject({
			allow: false,
			code: 'space-closed'
		});
		expect(decideProfessional({ exclusion: null, spaceStatus: 'active' }, true)).toMatchObject({
			allow: false,
			code: 'organisation-blocked'
		});
		expect(decideProfessional({ exclusion: null, spaceStatus: 'active' }, false).allow).toBe(true);
	});

	it('never shows hidden or deleted documents', () => {
		expect(professionalMaySee({ deletedAt: null, hiddenFromProfessionals: false })).toBe(true);
		expect(professionalMaySee({ deletedAt: null, hiddenFromProfessionals: true })).toBe(false);
		expect(professionalMaySee({ deletedAt: new Date(), hiddenFromProfessionals: false })).toBe(
			false
		);
	});
});
