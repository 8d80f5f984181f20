const longDate = new Intl.DateTimeFormat('fr-FR', {
	timeZone: 'Europe/Paris',
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});
const shortDate = new Intl.DateTimeFormat('fr-FR', {
	timeZone: 'Europe/Paris',
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});

/** "mardi 3 décembre 2026" (quality.md: dates in plain French). */
export function longFrenchDate(date: Date): string {
	return longDate.format(date);
}

/** "3 décembre 2026" */
export function frenchDate(date: Date): string {
	return shortDate.format(date);
}

/** An ISO date for <time datetime>. */
export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export function fileSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} octets`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
	return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/**
 * "de Christiane Dubois", "d’Adrien Lefebvre": French elision before a vowel or a mute h. Plain
 * text (emails) asks for a straight apostrophe.
 */
export function ofName(name: string, apostrophe: '’' | "'" = '’'): string {
	return /^[aeiouyàâäéèêëîïôöûùüh]/i.test(name) ? `d${apostrophe}${name}` : `de ${name}`;
}
