import { createHash } from 'node:crypto';

/**
 * A small PDF 1.4 writer for the demo documents (no dependency): A4 pages, the standard Helvetica
 * fonts in WinAnsiEncoding (French text), line wrapping with the real glyph widths, automatic page
 * breaks, a header, a "document fictif" footer with page numbers, the title in /Info and the
 * language in the catalog. The output is deterministic: the same input gives the same bytes.
 */

export type DemoPdfSection = { heading?: string; paragraphs: string[] };

export type DemoPdf = {
	title: string;
	organisation: string;
	author?: string;
	/** Already formatted French date ("mardi 3 décembre 2026"). */
	date: string;
	patientLine?: string;
	/**
	 * Paragraphs wrap at spaces (never at non-breaking spaces); "\n" forces a line break; a line
	 * starting with "• ", "– " or "- " hangs its continuation lines under its text.
	 */
	sections: DemoPdfSection[];
};

// ---------------------------------------------------------------------------------------------
// Fonts: Adobe Helvetica and Helvetica-Bold AFM widths (1/1000 em) for WinAnsi codes 32–255.
// Codes 127, 129, 141, 143, 144 and 157 are undefined in WinAnsi (width 0, never written).

// prettier-ignore
const HELVETICA: readonly number[] = [
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, // 112
	556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 128
	0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, // 144
	278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
	400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
	667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
	722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
	556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 224
	556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500 // 240
];

// prettier-ignore
const HELVETICA_BOLD: readonly number[] = [
	278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 32
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 48
	975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 64
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 80
	333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 96
	611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, // 112
	556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 128
	0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, // 144
	278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
	400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
	722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
	722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
	556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 224
	611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556 // 240
];

type Font = 'regular' | 'bold';
const fontResource: Record<Font, string> = { regular: 'F1', bold: 'F2' };
const fontWidths: Record<Font, readonly number[]> = {
	regular: HELVETICA,
	bold: HELVETICA_BOLD
};

// ---------------------------------------------------------------------------------------------
// Text encoding: Unicode → WinAnsi bytes, kept in "byte strings" (one char per byte, 0–255).

/** Unicode code points of WinAnsi 0x80–0x9F. */
const cp1252High: Record<number, number> = {
	0x20ac: 0x80,
	0x201a: 0x82,
	0x0192: 0x83,
	0x201e: 0x84,
	0x2026: 0x85,
	0x2020: 0x86,
	0x2021: 0x87,
	0x02c6: 0x88,
	0x2030: 0x89,
	0x0160: 0x8a,
	0x2039: 0x8b,
	0x0152: 0x8c,
	0x017d: 0x8e,
	0x2018: 0x91,
	0x2019: 0x92,
	0x201c: 0x93,
	0x201d: 0x94,
	0x2022: 0x95,
	0x2013: 0x96,
	0x2014: 0x97,
	0x02dc: 0x98,
	0x2122: 0x99,
	0x0161: 0x9a,
	0x203a: 0x9b,
	0x0153: 0x9c,
	0x017e: 0x9e,
	0x0178: 0x9f
};

/** Sensible stand-ins for common characters outside WinAnsi ('' = dropped). */
const substitutes: Record<number, string> = {
	0x00ad: '', // soft hyphen
	0x200b: '', // zero-width space
	0x200c: '',
	0x200d: '',
	0x2060: '', // word joiner
	0xfeff: '',
	0x0009: ' ',
	0x2002: ' ',
	0x2003: ' ',
	0x2009: ' ', // thin space
	0x200a: ' ',
	0x2007: '\u00a0', // figure space (no break)
	0x202f: '\u00a0', // narrow no-break space (French « … » ; : ! ?)
	0x2010: '-',
	0x2011: '-',
	0x2012: '\u2013',
	0x2015: '\u2014',
	0x2212: '-',
	0x201b: '\u2018',
	0x201f: '\u201c',
	0x2032: "'",
	0x2033: '"',
	0x2044: '/',
	0x2190: '<-',
	0x2192: '->',
	0x2194: '<->',
	0x21d2: '=>',
	0x2248: '~',
	0x2260: '<>',
	0x2264: '<=',
	0x2265: '>=',
	0x2116: 'N°',
	0x0131: 'i',
	0x0132: 'IJ',
	0x0133: 'ij',
	0x0141: 'L',
	0x0142: 'l',
	0x0110: 'D',
	0x0111: 'd',
	0xfb00: 'ff',
	0xfb01: 'fi',
	0xfb02: 'fl',
	0xfb03: 'ffi',
	0xfb04: 'ffl',
	0x2713: 'v',
	0x2714: 'v',
	0x25cf: '\u2022',
	0x25aa: '\u2022',
	0x2023: '\u2022',
	0x2043: '-'
};

function byteOf(cp: number): number | undefined {
	if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) return cp === 0xad ? undefined : cp;
	return cp1252High[cp];
}

/**
 * Encodes text as WinAnsi bytes; characters outside WinAnsi are replaced ("?" as a last resort).
 * Line feeds are kept (forced line breaks); other control characters are dropped.
 */
export function toWinAnsi(text: string): string {
	let out = '';
	for (const ch of text.normalize('NFC')) {
		const cp = ch.codePointAt(0) ?? 0x3f;
		const direct = byteOf(cp);
		if (direct !== undefined) {
			out += String.fromCharCode(direct);
			continue;
		}
		const substitute = substitutes[cp];
		if (substitute !== undefined) {
			out += toWinAnsi(substitute);
			continue;
		}
		if (cp === 0x0a) {
			out += '\n'; // kept: a forced line break for the layout
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue; // other control characters
		// A letter with a diacritic WinAnsi lacks: keep the base letter ("ă" → "a").
		const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
		if (base !== ch && base.length > 0 && [...base].every((c) => byteOf(c.codePointAt(0)!))) {
			out += toWinAnsi(base);
			continue;
		}
		out += '?';
	}
	return out;
}

/** Width in points of a WinAnsi byte string. */
function widthOf(bytes: string, font: Font, size: number): number {
	const widths = fontWidths[font];
	let total = 0;
	for (let i = 0; i < bytes.length; i++) total += widths[bytes.charCodeAt(i) - 32] ?? 0;
	return (total * size) / 1000;
}

const SPACE = ' ';

/** Splits a too-long word into pieces that each fit. */
function breakWord(word: string, font: Font, size: number, max: number): string[] {
	const pieces: string[] = [];
	let current = '';
	for (const ch of word) {
		if (current && widthOf(current + ch, font, size) > max) {
			pieces.push(current);
			current = ch;
		} else current += ch;
	}
	if (current) pieces.push(current);
	return pieces;
}

type WrappedLine = { text: string; indent: number };

/** Greedy wrapping of one WinAnsi paragraph (hard breaks at "\n", hanging indent for bullets). */
function wrap(bytes: string, font: Font, size: number, max: number): WrappedLine[] {
	const lines: WrappedLine[] = [];
	for (const hard of bytes.split('\n')) {
		const bullet = /^(?:\x95|\x96|-) /.exec(hard);
		const hang = bullet ? widthOf(bullet[0], font, size) : 0;
		const words = hard.split(SPACE).filter((w) => w.length > 0);
		let current = '';
		let indent = 0;
		const push = () => {
			lines.push({ text: current, indent });
			current = '';
			indent = hang;
		};
		for (const word of words) {
			const available = max - indent;
			const candidate = current ? current + SPACE + word : word;
			if (widthOf(candidate, font, size) <= available) {
				current = candidate;
				continue;
			}
			if (current) push();
			if (widthOf(word, font, size) <= max - indent) {
				current = word;
			} else {
				const pieces = breakWord(word, font, size, max - hang);
				for (const piece of pieces.slice(0, -1)) {
					current = piece;
					push();
				}
				current = pieces.at(-1) ?? '';
			}
		}
		lines.push({ text: current, indent });
	}
	return lines;
}

// ---------------------------------------------------------------------------------------------
// Page layout

const PAGE_WIDTH = 595.28; // A4, points
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 56.69; // 2 cm
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const CONTENT_TOP = PAGE_HEIGHT - 78;
const CONTENT_BOTTOM = 62;

const styles = {
	header: { font: 'bold', size: 9 },
	title: { font: 'bold', size: 16, leading: 20 },
	meta: { font: 'regular', size: 10, leading: 14 },
	heading: { font: 'bold', size: 11.5, leading: 16 },
	body: { font: 'regular', size: 10.5, leading: 14.5 },
	footer: { font: 'regular', size: 8 }
} as const;

/** Numbers as PDF wants them: short, no exponent. */
function num(n: number): string {
	return Number(n.toFixed(2)).toString();
}

/** A PDF literal string of WinAnsi bytes, ASCII only (octal escapes above 126). */
function literal(bytes: string): string {
	let out = '(';
	for (let i = 0; i < bytes.length; i++) {
		const c = bytes.charCodeAt(i);
		if (c === 0x28 || c === 0x29 || c === 0x5c) out += '\\' + bytes[i];
		else if (c < 0x20 || c > 0x7e) out += '\\' + c.toString(8).padStart(3, '0');
		else out += bytes[i];
	}
	return out + ')';
}

function textOp(bytes: string, font: Font, size: number, x: number, y: number): string {
	return `BT /${fontResource[font]} ${num(size)} Tf ${num(x)} ${num(y)} Td ${literal(bytes)} Tj ET`;
}

class Layout {
	pages: string[][] = [];
	private y = 0;

	constructor(private readonly organisation: string) {
		this.newPage();
	}

	newPage(): void {
		const ops: string[] = [];
		const org = toWinAnsi(this.organisation);
		ops.push('0.3 g');
		ops.push(textOp(org, styles.header.font, styles.header.size, MARGIN_X, PAGE_HEIGHT - 44));
		ops.push('0.6 G 0.6 w');
		ops.push(
			`${num(MARGIN_X)} ${num(PAGE_HEIGHT - 52)} m ${num(PAGE_WIDTH - MARGIN_X)} ${num(PAGE_HEIGHT - 52)} l S`
		);
		ops.push('0 g');
		this.pages.push(ops);
		this.y = CONTENT_TOP;
	}

	private get ops(): string[] {
		return this.pages[this.pages.length - 1]!;
	}

	/** Moves down; starts a new page when `needed` points do not fit. */
	ensure(needed: number): void {
		if (this.y - needed < CONTENT_BOTTOM) this.newPage();
	}

	gap(points: number): void {
		this.y -= points;
	}

	/** Writes wrapped text; `keepWithNext` reserves room for that many points after the block. */
	text(raw: string, style: { font: Font; size: number; leading: number }, keepWithNext = 0): void {
		const lines = wrap(toWinAnsi(raw), style.font, style.size, CONTENT_WIDTH);
		lines.forEach((line, i) => {
			// Keep a heading with what follows it (the first line of the next block).
			const reserve = i === lines.length - 1 ? keepWithNext : 0;
			this.ensure(style.leading + reserve);
			this.y -= style.leading;
			if (line.text) {
				this.ops.push(
					textOp(line.text, style.font, style.size, MARGIN_X + line.indent, this.y + 3.5)
				);
			}
		});
	}

	rule(): void {
		this.ensure(8);
		this.y -= 6;
		this.ops.push('0.75 G 0.5 w');
		this.ops.push(
			`${num(MARGIN_X)} ${num(this.y)} m ${num(PAGE_WIDTH - MARGIN_X)} ${num(this.y)} l S`
		);
		this.y -= 4;
	}
}

function footer(page: number, total: number): string {
	const text = toWinAnsi(`Document fictif — démonstration Relais · page ${page}/${total}`);
	const width = widthOf(text, styles.footer.font, styles.footer.size);
	return [
		'0.35 g',
		textOp(text, styles.footer.font, styles.footer.size, (PAGE_WIDTH - width) / 2, 32),
		'0 g'
	].join('\n');
}

function layout(doc: DemoPdf): string[] {
	const l = new Layout(doc.organisation);
	l.text(doc.title, styles.title);
	l.gap(4);
	l.text(`Date\u00a0: ${doc.date}`, styles.meta);
	if (doc.author) l.text(`Auteur\u00a0: ${doc.author}`, styles.meta);
	if (doc.patientLine) l.text(doc.patientLine, styles.meta);
	l.rule();
	for (const section of doc.sections) {
		if (section.heading) {
			l.gap(8);
			l.text(section.heading, styles.heading, styles.body.leading);
			l.gap(2);
		}
		for (const paragraph of section.paragraphs) {
			l.text(paragraph, styles.body);
			l.gap(5);
		}
	}
	const total = l.pages.length;
	return l.pages.map((ops, i) => [...ops, footer(i + 1, total)].join('\n'));
}

// ---------------------------------------------------------------------------------------------
// File assembly

/** A PDF text string in UTF-16BE with a byte-order mark, as a hex string. */
function utf16Hex(text: string): string {
	let hex = 'FEFF';
	for (let i = 0; i < text.length; i++) {
		hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
	}
	return `<${hex}>`;
}

function fontObject(font: Font): string {
	const name = font === 'bold' ? 'Helvetica-Bold' : 'Helvetica';
	const widths = fontWidths[font];
	const rows: string[] = [];
	for (let i = 0; i < widths.length; i += 16) rows.push(widths.slice(i, i + 16).join(' '));
	return (
		`<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding\n` +
		`/FirstChar 32 /LastChar 255 /Widths [\n${rows.join('\n')}\n] >>`
	);
}

/** Renders the document as PDF 1.4 bytes. */
export function renderPdf(doc: DemoPdf): Uint8Array {
	const contents = layout(doc);
	const pageCount = contents.length;

	// Object numbers: 1 catalog, 2 pages, 3–4 fonts, 5 info, then (page, content) pairs.
	const objects: string[] = [];
	const pageIds = contents.map((_, i) => 6 + 2 * i);
	objects[1] =
		'<< /Type /Catalog /Pages 2 0 R /Lang (fr-FR) /ViewerPreferences << /DisplayDocTitle true >> >>';
	objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageCount} >>`;
	objects[3] = fontObject('regular');
	objects[4] = fontObject('bold');
	const info = [`/Title ${utf16Hex(doc.title)}`];
	if (doc.author) info.push(`/Author ${utf16Hex(doc.author)}`);
	info.push(`/Subject ${utf16Hex(`Document fictif de démonstration — ${doc.organisation}`)}`);
	info.push('/Creator (Relais) /Producer (Relais demo PDF writer)');
	objects[5] = `<< ${info.join(' ')} >>`;
	contents.forEach((stream, i) => {
		const pageId = pageIds[i]!;
		objects[pageId] =
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(PAGE_WIDTH)} ${num(PAGE_HEIGHT)}] ` +
			`/Resources << /Font << /F1 3 0 R /F2 4 0 R >> /ProcSet [/PDF /Text] >> ` +
			`/Contents ${pageId + 1} 0 R >>`;
		objects[pageId + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
	});

	// Everything below is ASCII except the binary marker comment: string length = byte length.
	let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	for (let id = 1; id < objects.length; id++) {
		offsets[id] = out.length;
		out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
	}
	const xrefAt = out.length;
	const size = objects.length;
	out += `xref\n0 ${size}\n0000000000 65535 f \n`;
	for (let id = 1; id < size; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
	const fileId = createHash('md5').update(out, 'latin1').digest('hex').toUpperCase();
	out += `trailer\n<< /Size ${size} /Root 1 0 R /Info 5 0 R /ID [<${fileId}> <${fileId}>] >>\n`;
	out += `startxref\n${xrefAt}\n%%EOF\n`;

	const bytes = new Uint8Array(out.length);
	for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
	return bytes;
}
