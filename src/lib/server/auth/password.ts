import { hash, verify, type Options } from '@node-rs/argon2';
import commonList from './common-passwords.txt?raw';

/**
 * Passwords (quality.md: ASVS 2.1 and 2.4, CNIL 2022-100): 12 to 256 characters counted as Unicode
 * code points after NFC normalisation, no composition rules, no truncation, a common/breached list
 * checked offline, argon2id with m=19456 KiB, t=2, p=1 (the OWASP cheat sheet's first setting).
 */
export const MIN_LENGTH = 12;
export const MAX_LENGTH = 256;

const ARGON2: Options = {
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32,
	// Algorithm.Argon2id: a const enum, which isolatedModules cannot read from the typings.
	algorithm: 2
};

/**
 * An argon2id hash with the same parameters as real ones, of a random secret nobody kept. Verifying
 * against it when the account does not exist spends the same time as a real check.
 */
export const DUMMY_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$X2V5pQrULDe1iZBFvaxasA$3mVe3V2iDtD2xFE3Dfme/2aidvUXHELOqimrzHY5TKY';

/** The form every password is hashed and compared in: NFC, nothing trimmed, nothing cut. */
export function normalisePassword(password: string): string {
	return password.normalize('NFC');
}

/** Length in Unicode code points ("é" and "😀" are one character each), after NFC. */
export function passwordLength(password: string): number {
	return [...normalisePassword(password)].length;
}

export function hashPassword(password: string): Promise<string> {
	return hash(normalisePassword(password), ARGON2);
}

/** False on a wrong password and on a malformed hash; never throws. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, normalisePassword(password));
	} catch {
		return false;
	}
}

/** Spends the time of one verification when there is no account to check; always false. */
export async function verifyDummy(password: string): Promise<false> {
	await verifyPassword(DUMMY_HASH, password);
	return false;
}

/** True when a stored hash was made with other parameters than today's (rehash after sign-in). */
export function needsRehash(passwordHash: string): boolean {
	const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
	return (
		!m ||
		Number(m[1]) !== ARGON2.memoryCost ||
		Number(m[2]) !== ARGON2.timeCost ||
		Number(m[3]) !== ARGON2.parallelism
	);
}

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
	common ??= new Set(
		commonList
			.split('\n')
			.map((line) => line.trim().normalize('NFC').toLowerCase())
			.filter((line) => line !== '' && !line.startsWith('#'))
	);
	return common;
}

/** Lowercase, without accents: "Irène" and "irene" compare equal. */
function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

const AFFIX = /^[\p{N}\p{P}\p{S}\p{Z}]+|[\p{N}\p{P}\p{S}\p{Z}]+$/gu;
const LEET: Record<string, string>[] = [
	{
		'0': 'o',
		'1': 'i',
		'3': 'e',
		'4': 'a',
		'5': 's',
		'7': 't',
		'8': 'b',
		'@': 'a',
		$: 's',
		'!': 'i',
		'€': 'e'
	},
	{
		'0': 'o',
		'1': 'l',
		'3': 'e',
		'4': 'a',
		'5': 's',
		'7': 't',
		'8': 'b',
		'@': 'a',
		$: 's',
		'!': 'l',
		'|': 'l'
	}
];

function unleet(text: string, table: Record<string, string>): string {
	return [...text].map((c) => table[c] ?? c).join('');
}

/** "aaaaaaaaaaaa", "doudoudoudou", "abcabcabcabc": a unit of at most 4 characters repeated. */
function isShortRepeat(chars: string[]): boolean {
	for (let unit = 1; unit <= 4 && unit * 2 <= chars.length; unit++) {
		if (chars.every((c, i) => c === chars[i % unit])) return true;
	}
	return false;
}

/** "soleilsoleil", "motdepassemotdepasse": a listed password repeated. */
function isRepeatedCommon(chars: string[], list: Set<string>): boolean {
	for (let unit = 1; unit * 2 <= chars.length; unit++) {
		if (chars.length % unit !== 0) continue;
		if (chars.every((c, i) => c === chars[i % unit]) && list.has(chars.slice(0, unit).join(''))) {
			return true;
		}
	}
	return false;
}

/** "abcdefghijkl", "123456789012", "987654321098": each character one step from the previous. */
function isSequence(chars: string[]): boolean {
	const step = (a: string, b: string): number => {
		if (/\d/.test(a) && /\d/.test(b)) return (((Number(b) - Number(a)) % 10) + 10) % 10;
		return (b.codePointAt(0) ?? 0) - (a.codePointAt(0) ?? 0);
	};
	const first = step(chars[0] ?? '', chars[1] ?? '');
	const forward = first === 1;
	const backward = first === -1 || first === 9;
	if (!forward && !backward) return false;
	for (let i = 1; i + 1 < chars.length; i++) {
		const s = step(chars[i] ?? '', chars[i + 1] ?? '');
		if (forward ? s !== 1 : s !== -1 && s !== 9) return false;
	}
	return true;
}

/** True for a listed password, also with digits/symbols around it or in simple leetspeak. */
export function isCommonPassword(password: string): boolean {
	const list = commonPasswords();
	const lower = normalisePassword(password).toLowerCase();
	const chars = [...lower];
	if (chars.length < 3) return list.has(lower);
	if (isShortRepeat(chars) || isSequence(chars) || isRepeatedCommon(chars, list)) return true;
	const candidates = new Set([lower, fold(lower)]);
	for (const c of [...candidates]) {
		for (const table of LEET) candidates.add(unleet(c, table));
	}
	for (const c of [...candidates]) {
		const core = c.replace(AFFIX, '');
		candidates.add(core);
		for (const table of LEET) candidates.add(unleet(core, table));
	}
	for (const c of candidates) {
		if ([...c].length >= 4 && list.has(c)) return true;
	}
	return false;
}

/** Folded words from the email's local part and the names, of 3 characters or more. */
function personalWords(context: { email?: string; names?: string[] }): string[] {
	const words = new Set<string>();
	const add = (w: string) => {
		const folded = fold(w.trim());
		if ([...folded].length >= 3) words.add(folded);
	};
	const local = context.email?.split('@')[0];
	if (local) {
		add(local);
		for (const part of local.split(/[._+\-0-9]+/)) add(part);
	}
	for (const name of context.names ?? []) {
		add(name);
		for (const part of name.split(/[\s'’-]+/u)) add(part);
	}
	return [...words];
}

/**
 * True when the password contains the email's local part (or a part of it) or one of the names,
 * accents and case aside. Words of 4 characters or more count anywhere; 3-letter ones ("Léa",
 * "Max") only standing alone, so that "Léa" does not forbid every password containing "clean".
 */
export function containsPersonalWord(
	password: string,
	context: { email?: string; names?: string[] }
): boolean {
	const folded = fold(normalisePassword(password));
	return personalWords(context).some((w) => {
		if ([...w].length >= 4) return folded.includes(w);
		let at = folded.indexOf(w);
		while (at !== -1) {
			const before = folded.slice(0, at);
			const after = folded.slice(at + w.length);
			if (!/\p{L}$/u.test(before) && !/^\p{L}/u.test(after)) return true;
			at = folded.indexOf(w, at + 1);
		}
		return false;
	});
}

/**
 * Null when the password may be used, else a French message saying why not. The context (the
 * account's email, the person's names) lets us refuse passwords built on them.
 */
export function checkNewPassword(
	password: string,
	context: { email?: string; names?: string[] } = {}
): string | null {
	const length = passwordLength(password);
	if (length < MIN_LENGTH) {
		return `Le mot de passe doit contenir au moins ${MIN_LENGTH} caractères (il en a ${length}).`;
	}
	if (length > MAX_LENGTH) {
		return `Le mot de passe ne peut pas dépasser ${MAX_LENGTH} caractères (il en a ${length}).`;
	}
	if (isCommonPassword(password)) {
		return 'Ce mot de passe est trop courant : il figure parmi les mots de passe les plus utilisés ou déjà divulgués. Choisissez-en un autre, par exemple une phrase de plusieurs mots.';
	}
	if (containsPersonalWord(password, context)) {
		return 'Le mot de passe ne doit contenir ni votre adresse e-mail ni votre nom ou prénom.';
	}
	return null;
}
