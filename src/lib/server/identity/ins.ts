/**
 * INS matricule (NIR or NIA): 13 characters + a 2-digit key (shared/design/interop.md).
 * key = 97 − (13-digit number mod 97); for Corsica the département `2A` / `2B` counts as `19` / `18`.
 */

/** Shape of a 13-character NIR/NIA: sex/kind digit, year, month, département (2A/2B), commune, order. */
const NIR13 = /^[1-8]\d{4}(?:\d{2}|2[AB])\d{6}$/;

/** The 13 characters as the number the key is computed on (Corsica letters replaced). */
function numeric(nir13: string): number {
	const department = nir13.slice(5, 7);
	const digits =
		department === '2A'
			? nir13.slice(0, 5) + '19' + nir13.slice(7)
			: department === '2B'
				? nir13.slice(0, 5) + '18' + nir13.slice(7)
				: nir13;
	// 13 digits stay well below 2^53: exact in a double.
	return Number(digits);
}

/** The 2-digit key ("01"–"97") of a 13-character NIR/NIA. Throws on a malformed input. */
export function insKey(nir13: string): string {
	if (!NIR13.test(nir13)) throw new Error('un NIR comporte 13 caractères (chiffres, ou 2A/2B)');
	return String(97 - (numeric(nir13) % 97)).padStart(2, '0');
}

/** True when the 15-character matricule is well formed and its key is right. */
export function isValidMatricule(m: string): boolean {
	if (typeof m !== 'string' || m.length !== 15) return false;
	const first13 = m.slice(0, 13);
	const key = m.slice(13);
	if (!NIR13.test(first13) || !/^\d{2}$/.test(key)) return false;
	return insKey(first13) === key;
}

/** The identity traits (INS référentiel) a document or a request states for a person. */
export type Traits = {
	birthName: string | null;
	firstGivenName: string | null;
	/** All birth given names. */
	givenNames: string | null;
	sex: string | null;
	/** YYYY-MM-DD */
	birthDate: string | null;
	/** INSEE code of the birth place. */
	birthPlace: string | null;
};

/** An INS as written: the matricule and the OID of its kind. */
export type Ins = { matricule: string; oid: string };
