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

const isoDay = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/**
 * Formatting a date with Intl costs microseconds, and a list page formats hundreds; Paris is a
 * whole number of hours from UTC, so one answer holds for a whole UTC hour. Kept per formatter,
 * up to a bound.
 */
function memoByHour(format: Intl.DateTimeFormat): (date: Date) => string {
	const memo = new Map<number, string>();
	return (date) => {
		const hour = Math.floor(date.getTime() / 3_600_000);
		let text = memo.get(hour);
		if (text === undefined) {
			if (memo.size >= 4096) memo.clear();
			text = format.format(date);
			memo.set(hour, text);
		}
		return text;
	};
}

/** "mardi 3 décembre 2026" (quality.md: dates in plain French). */
export const longFrenchDate = memoByHour(longDate);

/** "3 décembre 2026" */
export const frenchDate = memoByHour(shortDate);

/** The Paris calendar date (YYYY-MM-DD) for <time datetime>, the day the French text shows. */
export const isoDate = memoByHour(isoDay);

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
