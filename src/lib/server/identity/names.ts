import type { Person } from '../db/schema';

function titleCase(word: string): string {
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
