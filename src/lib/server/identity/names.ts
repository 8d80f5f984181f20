import type { Person } from '../db/schema';

/** Names come back on every page (the profile switcher): each is cased once, up to a bound. */
const cased = new Map<string, string>();

function titleCase(word: string): string {
	let result = cased.get(word);
	if (result === undefined) {
		if (cased.size >= 10_000) cased.clear();
		result = caseWords(word);
		cased.set(word, result);
	}
	return result;
}

function caseWords(word: string): string {
	return word
		.toLocaleLowerCase('fr-FR')
		.replace(
			/(^|[\s'’-])(\p{L})/gu,
			(_, sep: string, letter: string) => sep + letter.toLocaleUpperCase('fr-FR')
		);
}

/** "Irène Faure": the name the person goes by, then the birth name. */
export function displayName(person: Pick<Person, 'usedGivenName' | 'birthName'>): string {
	return `${titleCase(person.usedGivenName)} ${titleCase(person.birthName)}`;
}

/** "Irène" */
export function givenName(person: Pick<Person, 'usedGivenName'>): string {
	return titleCase(person.usedGivenName);
}
