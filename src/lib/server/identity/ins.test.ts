import { describe, expect, it } from 'vitest';
import { insKey, isValidMatricule } from './ins';

/** The demo INS of shared/design/domain.md. */
const domainIns = [
	'238027306501056', // Irène
	'243056912304535', // Christiane
	'237070105308883', // Rita
	'166016926605823', // Louis
	'180032A00401289', // Ivan (Corsica, 2A)
	'179112636214469', // Patrick
	'116066311320181', // Adrien
	'122027401003365', // Lucas
	'111093818511245', // Elliot
	'210044221807765', // Elise
	'279035121518989' // Dominique (ANS test patient)
];

describe('INS matricule key', () => {
	it.each(domainIns)('accepts the demo INS %s', (m) => {
		expect(isValidMatricule(m)).toBe(true);
		expect(insKey(m.slice(0, 13))).toBe(m.slice(13));
	});

	it('refuses the wrong key of the ANS decision example', () => {
		expect(isValidMatricule('276059205062865')).toBe(false);
		expect(insKey('2760592050628')).toBe('83');
	});

	it('counts Corsica 2A as 19 and 2B as 18', () => {
		// 2A: same key as the number with 19 in place of 2A.
		expect(insKey('180032A004012')).toBe(String(97 - (1800319004012 % 97)).padStart(2, '0'));
		expect(insKey('180032A004012')).toBe('89');
		// 2B (Bastia 2B033).
		const key2B = String(97 - (2830618033061 % 97)).padStart(2, '0');
		expect(insKey('283062B033061')).toBe(key2B);
		expect(isValidMatricule(`283062B033061${key2B}`)).toBe(true);
		// 2A and 2B give different keys for otherwise equal numbers.
		expect(insKey('283062A033061')).not.toBe(key2B);
	});

	it('refuses malformed matricules', () => {
		expect(isValidMatricule('')).toBe(false);
		expect(isValidMatricule('23802730650105')).toBe(false);
		expect(isValidMatricule('2380273065010566')).toBe(false);
		expect(isValidMatricule('238027306501O56')).toBe(false);
		expect(isValidMatricule('180032C00401289')).toBe(false);
		expect(isValidMatricule('238027306501057')).toBe(false);
		expect(() => insKey('12')).toThrow();
	});

	it('writes keys on two digits, 97 when the number is a multiple of 97', () => {
		// 97 × 10309278351 = 1000000000047
		expect(insKey('1000000000047')).toBe('97');
		// remainder 96 → key "01"
		expect(insKey('1000000000046')).toBe('01');
	});
});
