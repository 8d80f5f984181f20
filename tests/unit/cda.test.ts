import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CdaError, parseCda, parseHl7Time, parseXml } from '$lib/server/documents/cda';
import { caught } from '../support/cda';

const FIXTURES = path.resolve('../shared/fixtures/cda');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const MAX = 30 * 1024 * 1024;

const DOMINIQUE = {
	ins: { matricule: '279035121518989', oid: '1.2.250.1.213.1.4.10' },
	birthName: 'PAT-TROIS',
	firstGivenName: 'DOMINIQUE',
	givenNames: 'DOMINIQUE MARIE-LOUISE',
	sex: 'F',
	birthDate: '1979-03-28',
	birthPlace: '51215'
};

describe('CDA header and body of the real ANS examples', () => {
	it('reads the level 1 lab report and its PDF', () => {
		const cda = parseCda(fixture('DOC_NON_STRUCTURE_CDA-R2-N1.xml'), MAX);
		expect(cda.level).toBe(1);
		expect(cda.header.id).toBe('1.3.6.1.4.1.19376.1.2.20.12345.1.1');
		expect(cda.header.setId).toBe('1.3.6.1.4.1.19376.1.2.20.12345.1');
		expect(cda.header.version).toBe(1);
		expect(cda.header.replacesId).toBeNull();
		expect(cda.header.code).toEqual({
			code: '11502-2',
			codeSystem: '2.16.840.1.113883.6.1',
			displayName: "CR d'examens biologiques"
		});
		expect(cda.header.title).toBe("Compte rendu d'examens biologiques");
		expect(cda.header.effectiveTime.toISOString()).toBe('2021-04-01T12:47:45.000Z');
		expect(cda.header.patient).toEqual(DOMINIQUE);
		expect(cda.header.author).toEqual({
			name: 'Dr Marcel CAMPARINI',
			organisation: 'Laboratoire des charmes'
		});
		expect(cda.header.custodian).toBe('Laboratoire des charmes');
		expect(cda.header.hiddenFromProfessionals).toBe(false);
		expect(cda.body.mediaType).toBe('application/pdf');
		expect(cda.body.bytes.subarray(0, 5).toString()).toBe('%PDF-');
	});

	for (const [file, code, category] of [
		['LDL-SES_2022.01.xml', '11490-0', 'Lettre de liaison'],
		['DLU-EHPAD-FLUDT_2022.01.xml', '74207-2', 'FICHE DE LIAISON'],
		['VAC-NOTE_2023.01.xml', '87273-9', 'NOTE DE VACCINATION']
	] as const) {
		it(`renders the level 3 ${file} as sanitised HTML`, () => {
			const cda = parseCda(fixture(file), MAX);
			expect(cda.level).toBe(3);
			expect(cda.header.code.code).toBe(code);
			expect(cda.header.title).toContain(category);
			expect(cda.header.patient).toEqual(DOMINIQUE);
			expect(cda.header.author.name).toBeTruthy();
			expect(cda.body.kind).toBe('narrative');
			const html = cda.body.bytes.toString('utf8');
			expect(html).toMatch(/^<!doctype html>/);
			expect(html).toContain('<section>');
			// Nothing but our allow-list of elements, and no attribute but colspan/rowspan/class.
			const tags = [...html.matchAll(/<\/?([a-z0-9!]+)/gi)].map((m) => m[1]!.toLowerCase());
			const allowed = new Set([
				'!doctype',
				'html',
				'head',
				'meta',
				'title',
				'style',
				'body',
				'article',
				'h1',
				'h2',
				'h3',
				'h4',
				'h5',
				'h6',
				'section',
				'div',
				'p',
				'span',
				'ul',
				'ol',
				'li',
				'table',
				'caption',
				'thead',
				'tbody',
				'tfoot',
				'tr',
				'th',
				'td',
				'sub',
				'sup',
				'br',
				'small'
			]);
			expect(tags.filter((t) => !allowed.has(t))).toEqual([]);
			const attrs = [...html.matchAll(/<[a-z0-9]+((?:\s+[a-z-]+="[^"]*")*)\s*>/gi)]
				.flatMap((m) => [...m[1]!.matchAll(/([a-z-]+)=/gi)].map((a) => a[1]))
				.filter((a) => !['colspan', 'rowspan', 'class', 'lang', 'charset'].includes(a!));
			expect(attrs).toEqual([]);
		});
	}

	it('reads the MDPH decision header: production OID, wrong-key INS, replacement', () => {
		const cda = parseCda(fixture('CDA_SI-ESMS_Decision.xml'), MAX);
		expect(cda.header.patient.ins).toEqual({
			matricule: '276059205062865',
			oid: '1.2.250.1.213.1.4.8'
		});
		expect(cda.header.version).toBe(2);
		expect(cda.header.setId).toBe('492BB602-B08C-11EE-A506-0242AC120002^01');
		expect(cda.header.replacesId).toBe('492BB602-B08C-11EE-A506-0242AC120002^001');
		// A date without offset is Paris local time.
		expect(cda.header.effectiveTime.toISOString()).toBe('2023-01-09T23:00:00.000Z');
	});
});

describe('hostile and malformed XML', () => {
	const header = (extra = '') =>
		`<?xml version="1.0"?>${extra}<ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1.2"/></ClinicalDocument>`;

	it('refuses DOCTYPEs: XXE and billion laughs', () => {
		const xxe = header('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>').replace(
			'<id root="1.2"/>',
			'<title>&e;</title>'
		);
		expect(caught(() => parseXml(Buffer.from(xxe), { maxBytes: MAX })).message).toMatch(/DOCTYPE/);
		const lol =
			'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>';
		expect(caught(() => parseXml(Buffer.from(lol), { maxBytes: MAX })).kind).toBe('malformed');
	});

	it('refuses undefined entities, bad UTF-8, oversize and deep nesting before trouble', () => {
		expect(caught(() => parseXml(Buffer.from('<a>&nope;</a>'), { maxBytes: MAX })).kind).toBe(
			'malformed'
		);
		const badUtf8 = Buffer.concat([
			Buffer.from('<a>'),
			Buffer.from([0xc3, 0x28]),
			Buffer.from('</a>')
		]);
		expect(caught(() => parseXml(badUtf8, { maxBytes: MAX })).kind).toBe('malformed');
		expect(caught(() => parseXml(Buffer.alloc(2000, 32), { maxBytes: 1000 })).kind).toBe(
			'too-large'
		);
		const deep = '<a>'.repeat(1000) + '</a>'.repeat(1000);
		expect(caught(() => parseXml(Buffer.from(deep), { maxBytes: MAX })).kind).toBe('malformed');
		expect(caught(() => parseXml(Buffer.from('<a><b></a>'), { maxBytes: MAX })).kind).toBe(
			'malformed'
		);
	});

	it('refuses a non-CDA XML document and a CDA without body', () => {
		expect(caught(() => parseCda(Buffer.from('<html/>'), MAX)).kind).toBe('unsupported');
		const noBody = fixture('VAC-NOTE_2023.01.xml')
			.toString()
			.replace(/<component>\s*<structuredBody>[\s\S]*<\/structuredBody>\s*<\/component>/, '');
		expect(caught(() => parseCda(Buffer.from(noBody), MAX)).kind).toBe('malformed');
	});

	it('refuses an N1 body that is not what it claims', () => {
		const n1 = fixture('DOC_NON_STRUCTURE_CDA-R2-N1.xml').toString();
		const html = n1.replace(
			/(<text mediaType="application\/pdf" representation="B64">)[^<]*/,
			`$1${Buffer.from('<html><script>alert(1)</script></html>').toString('base64')}`
		);
		expect(caught(() => parseCda(Buffer.from(html), MAX)).kind).toBe('malformed');
		const textHtml = n1.replace('mediaType="application/pdf"', 'mediaType="text/html"');
		expect(caught(() => parseCda(Buffer.from(textHtml), MAX)).kind).toBe('unsupported');
	});

	it('escapes narrative text and drops links, scripts and attributes', () => {
		const vac = fixture('VAC-NOTE_2023.01.xml').toString();
		const evil = vac.replace(
			'<title>Note de vaccination</title>',
			`<title>Note &lt;img src=x onerror=alert(1)&gt;</title><text><paragraph onclick="alert(1)" styleCode="Bold">a &lt;script&gt;alert(1)&lt;/script&gt;<linkHtml href="javascript:alert(1)">lien</linkHtml><renderMultiMedia referencedObject="x"/></paragraph><table border="1"><tr><td colspan="2" style="x">c</td><td rowspan="x">d</td></tr></table><list listType="ordered"><item>un</item></list></text>`
		);
		const html = parseCda(Buffer.from(evil), MAX).body.bytes.toString();
		expect(html).toContain('<h2>Note &lt;img src=x onerror=alert(1)&gt;</h2>');
		expect(html).toContain('<p class="b">a &lt;script&gt;alert(1)&lt;/script&gt;lien</p>');
		expect(html).toContain('<td colspan="2">c</td><td>d</td>');
		expect(html).toContain('<ol><li>un</li></ol>');
		expect(html).not.toMatch(/<script|<img|onclick=|href=|style="x"|<a /);
	});

	it('uses the PDF a level 3 document embeds with observationMedia', () => {
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
		const vac = fixture('VAC-NOTE_2023.01.xml').toString();
		const withPdf = vac.replace(
			'</structuredBody>',
			`<component><section><entry><observationMedia classCode="OBS" moodCode="EVN"><value mediaType="application/pdf" representation="B64">${pdf.toString('base64')}</value></observationMedia></entry></section></component></structuredBody>`
		);
		const cda = parseCda(Buffer.from(withPdf), MAX);
		expect(cda.body.kind).toBe('embeddedPdf');
		expect(cda.body.bytes.equals(pdf)).toBe(true);
	});
});

describe('HL7 times', () => {
	it('honours offsets and falls back to Paris time', () => {
		expect(parseHl7Time('20210401134745+0100').toISOString()).toBe('2021-04-01T12:47:45.000Z');
		expect(parseHl7Time('20210701120000').toISOString()).toBe('2021-07-01T10:00:00.000Z');
		expect(parseHl7Time('2021').toISOString()).toBe('2020-12-31T23:00:00.000Z');
		expect(() => parseHl7Time('20211301')).toThrow(CdaError);
		expect(() => parseHl7Time('20210231')).toThrow(CdaError);
		expect(() => parseHl7Time('yesterday')).toThrow(CdaError);
	});
});
