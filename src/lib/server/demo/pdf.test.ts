import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { describe, expect, it } from 'vitest';
import { renderPdf, toWinAnsi, type DemoPdf } from './pdf';

const require = createRequire(import.meta.url);
const standardFontDataUrl =
	path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

const title = 'Compte rendu d’hospitalisation — Éléonore Bœuf';
const special = 'Le cœur de l’œuvre : « soins à domicile » – 12,50 € – Œdème';

function longDocument(): DemoPdf {
	const filler =
		'Après la toilette, l’aide-soignante du SSIAD a remarqué une plaie ouverte au talon gauche. ' +
		'L’infirmière a réalisé le pansement et a demandé une prescription au médecin traitant, ' +
		'qui a renvoyé l’ordonnance par messagerie sécurisée et dans le dossier médical partagé.';
	return {
		title,
		organisation: 'Centre hospitalier de démonstration',
		author: 'Dr Hélène Girard',
		date: 'mardi 3 décembre 2026',
		patientLine: 'Patiente\u00a0: Mme Irène FAURE, née le 25/02/1938',
		sections: [
			{ heading: 'Motif', paragraphs: [special] },
			...Array.from({ length: 14 }, (_, i) => ({
				heading: `Partie ${i + 1}`,
				paragraphs: [filler, `• ${filler}`]
			}))
		]
	};
}

async function load(bytes: Uint8Array) {
	return getDocument({
		data: bytes.slice(),
		isEvalSupported: false,
		useSystemFonts: false,
		standardFontDataUrl,
		verbosity: 0
	}).promise;
}

async function pageText(pdf: Awaited<ReturnType<typeof load>>, n: number): Promise<string[]> {
	const page = await pdf.getPage(n);
	const content = await page.getTextContent();
	return content.items.filter((i): i is TextItem => 'str' in i).map((i) => i.str);
}

describe('renderPdf', () => {
	it('writes a valid 3-page PDF whose text and title pdf.js can read', async () => {
		const bytes = renderPdf(longDocument());
		expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.4');

		const pdf = await load(bytes);
		expect(pdf.numPages).toBe(3);

		const items = await pageText(pdf, 1);
		// The title is one text run, accents intact.
		expect(items).toContain(title);
		const joined = items.join(' ');
		expect(joined).toContain(title);
		expect(joined).toContain('Le cœur de l’œuvre');
		expect(joined).toContain('« soins à domicile »');
		expect(joined).toContain('12,50 €');
		expect(joined).toContain('Œdème');
		expect(joined).toContain('Centre hospitalier de démonstration');
		expect(joined).toContain('Document fictif — démonstration Relais · page 1/3');

		const last = (await pageText(pdf, 3)).join(' ');
		expect(last).toContain('page 3/3');

		const meta = await pdf.getMetadata();
		expect((meta.info as { Title?: string }).Title).toBe(title);
		expect((meta.info as { Author?: string }).Author).toBe('Dr Hélène Girard');
		await pdf.destroy();
	});

	it('has correct cross-reference offsets', () => {
		const bytes = renderPdf(longDocument());
		const text = new TextDecoder('latin1').decode(bytes);
		const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
		expect(text.slice(startxref, startxref + 4)).toBe('xref');
		const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)];
		expect(entries.length).toBeGreaterThan(5);
		entries.forEach((entry, i) => {
			const offset = Number(entry[1]);
			expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
		});
		expect(text).toContain('/Lang (fr-FR)');
		expect(text).toContain('/Encoding /WinAnsiEncoding');
	});

	it('is deterministic and keeps a short document on one page', async () => {
		const doc: DemoPdf = {
			title: 'Ordonnance',
			organisation: 'Dr Girard, médecin traitant',
			date: 'lundi 2 mars 2026',
			sections: [{ paragraphs: ['Pansement hydrocolloïde.', 'Ligne 1\nLigne 2'] }]
		};
		expect(renderPdf(doc)).toEqual(renderPdf(doc));
		const pdf = await load(renderPdf(doc));
		expect(pdf.numPages).toBe(1);
		// A "\n" starts a new line: two separate runs.
		const items = await pageText(pdf, 1);
		expect(items).toContain('Ligne 1');
		expect(items).toContain('Ligne 2');
		await pdf.destroy();
	});

	it('maps French characters to WinAnsi and replaces the others', () => {
		expect(toWinAnsi('é è ê à ç ô û ï')).toBe('\xe9 \xe8 \xea \xe0 \xe7 \xf4 \xfb \xef');
		expect(toWinAnsi('œŒ«»’–—€')).toBe('\x9c\x8c\xab\xbb\x92\x96\x97\x80');
		expect(toWinAnsi('a\u00a0b\u202fc')).toBe('a\xa0b\xa0c');
		expect(toWinAnsi('ăş → ≤ 😀')).toBe('as -> <= ?');
		expect(toWinAnsi('co\u00adop\tx\u0007')).toBe('coop x');
		expect(toWinAnsi('a\nb')).toBe('a\nb');
	});
});
