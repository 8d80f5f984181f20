import { describe, expect, it } from 'vitest';
import { frenchDate, isoDate, longFrenchDate, ofName } from '../../src/lib/format';

const paris = (options: Intl.DateTimeFormatOptions, locale = 'fr-FR') =>
	new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', ...options });

describe('dates in plain French, on the Paris calendar', () => {
	it('gives the Paris day in the datetime attribute, as in the text', () => {
		// 23:30 UTC on 24 November is 00:30 on 25 November in Paris (UTC+1).
		const lateNight = new Date('2026-11-24T23:30:00Z');
		expect(isoDate(lateNight)).toBe('2026-11-25');
		expect(frenchDate(lateNight)).toBe('25 novembre 2026');
		// Summer time (UTC+2): 22:00 UTC on 30 June is already 1 July in Paris.
		expect(isoDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
		expect(isoDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
		expect(longFrenchDate(new Date('2026-12-01T10:00:00Z'))).toBe('mardi 1 décembre 2026');
	});

	it('answers exactly what Intl answers, across daylight-saving changes (the hourly memo)', () => {
		const short = paris({ day: 'numeric', month: 'long', year: 'numeric' });
		const iso = paris({ year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');
		// Every 17 minutes for 40 days around the October change, then around the March change.
		for (const start of ['2026-10-10T00:00:00Z', '2027-03-10T00:00:00Z']) {
			const from = new Date(start).getTime();
			for (let t = from; t < from + 40 * 86_400_000; t += 17 * 60_000) {
				const date = new Date(t);
				expect(frenchDate(date)).toBe(short.format(date));
				expect(isoDate(date)).toBe(iso.format(date));
			}
		}
	});

	it('elides "de" before a vowel or a mute h', () => {
		expect(ofName('Adrien')).toBe('d’Adrien');
		expect(ofName('Hélène', "'")).toBe("d'Hélène");
		expect(ofName('Christiane')).toBe('de Christiane');
	});
});
