/**
 * CDA R2 documents as the DMP stores them (shared/design/interop.md): header fields, and the
 * readable body — the PDF of a level 1 document (`nonXMLBody`), the PDF a level 3 document embeds
 * (`observationMedia`), or else a sanitised HTML rendering of its sections' narrative text.
 *
 * XML is parsed with saxes, a strict non-validating parser: a document with a DOCTYPE is refused
 * outright (no DTD, no entity declarations, so no XXE and no billion laughs), only the five
 * predefined entities and character references are expanded, and the size and nesting depth are
 * capped before and while parsing. This module knows nothing of persons or of the API: it reports
 * what the document says; identity checks are in api/identity.ts.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { Ins, Traits } from '../identity/ins';

export const HL7_NS = 'urn:hl7-org:v3';

/** Why a file cannot be read; the API maps these to problem codes. */
export type CdaErrorKind = 'malformed' | 'unsupported' | 'too-large';

export class CdaError extends Error {
	constructor(
		readonly kind: CdaErrorKind,
		message: string
	) {
		super(message);
		this.name = 'CdaError';
	}
}

// ---------------------------------------------------------------------------------------------
// A small XML tree
// ---------------------------------------------------------------------------------------------

export type XmlElement = {
	/** Namespace URI ('' when none). */
	ns: string;
	/** Local name. */
	name: string;
	/** Attributes without a namespace, by local name; `xsi:type` as `xsiType`. */
	attrs: Record<string, string>;
	children: XmlNode[];
};
export type XmlNode = XmlElement | string;

export type ParseLimits = { maxBytes: number; maxDepth?: number; maxElements?: number };

const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Decodes the bytes with the encoding the XML declaration names (UTF-8 by default). */
function decode(bytes: Uint8Array): string {
	const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
	const declared =
		/^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
	const label = (declared ?? 'utf-8').toLowerCase();
	let encoding: string;
	if (label === 'utf-8' || label === 'utf8') encoding = 'utf-8';
	else if (['iso-8859-1', 'latin1', 'iso-8859-15', 'windows-1252', 'cp1252'].includes(label))
		encoding = 'windows-1252';
	else throw new CdaError('unsupported', `unsupported XML encoding "${label.slice(0, 30)}"`);
	try {
		const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
		return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	} catch {
		throw new CdaError('malformed', `the file is not valid ${encoding.toUpperCase()} text`);
	}
}

/**
 * Parses XML into a tree. Refuses DOCTYPEs, undefined entities, files over `maxBytes` (checked
 * before anything is decoded), elements nested deeper than `maxDepth` and more than `maxElements`.
 */
export function parseXml(bytes: Uint8Array, limits: ParseLimits): XmlElement {
	if (bytes.byteLength > limits.maxBytes) {
		throw new CdaError('too-large', `the XML file is larger than ${limits.maxBytes} bytes`);
	}
	const maxDepth = limits.maxDepth ?? 200;
	const maxElements = limits.maxElements ?? 500_000;
	const text = decode(bytes);
	const parser = new SaxesParser({ xmlns: true, position: false });
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let elements = 0;
	let failure: CdaError | undefined;

	parser.on('doctype', () => {
		failure ??= new CdaError('malformed', 'DOCTYPE declarations are not accepted (no DTD)');
		throw failure;
	});
	parser.on('opentag', (tag: SaxesTagNS) => {
		elements++;
		if (stack.length >= maxDepth || elements > maxElements) {
			failure ??= new CdaError('malformed', 'the XML document is nested too deeply or too large');
			throw failure;
		}
		const attrs: Record<string, string> = {};
		for (const attr of Object.values(tag.attributes)) {
			if (attr.uri === '' && attr.prefix === '') attrs[attr.local] = attr.value;
			else if (attr.uri === XSI_NS && attr.local === 'type') attrs.xsiType = attr.value;
		}
		const element: XmlElement = { ns: tag.uri, name: tag.local, attrs, children: [] };
		const parent = stack[stack.length - 1];
		if (parent) parent.children.push(element);
		else root = element;
		stack.push(element);
	});
	parser.on('closetag', () => {
		stack.pop();
	});
	const onText = (value: string) => {
		const parent = stack[stack.length - 1];
		if (parent) parent.children.push(value);
	};
	parser.on('text', onText);
	parser.on('cdata', onText);
	try {
		parser.write(text).close();
	} catch (e) {
		if (failure) throw failure;
		const message = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 200) : 'parse error';
		throw new CdaError('malformed', `the file is not well-formed XML (${message})`);
	}
	if (!root) throw new CdaError('malformed', 'the file holds no XML element');
	return root;
}

/** Child elements in the HL7 namespace with this local name. */
export function children(el: XmlElement | undefined, name: string, ns = HL7_NS): XmlElement[] {
	if (!el) return [];
	return el.children.filter(
		(c): c is XmlElement => typeof c !== 'string' && c.name === name && c.ns === ns
	);
}

export function child(
	el: XmlElement | undefined,
	name: string,
	ns = HL7_NS
): XmlElement | undefined {
	return children(el, name, ns)[0];
}

/** Follows a path of child names: `at(doc, 'recordTarget', 'patientRole')`. */
export function at(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
	let current = el;
	for (const name of path) current = child(current, name);
	return current;
}

/** The element's text content, whitespace collapsed. */
export function textOf(el: XmlElement | undefined): string {
	if (!el) return '';
	const parts: string[] = [];
	const walk = (node: XmlNode) => {
		if (typeof node === 'string') parts.push(node);
		else node.children.forEach(walk);
	};
	walk(el);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

/** All descendants (depth first) with this local name in the HL7 namespace. */
export function descendants(el: XmlElement, name: string, ns = HL7_NS): XmlElement[] {
	const found: XmlElement[] = [];
	const walk = (node: XmlElement) => {
		for (const c of node.children) {
			if (typeof c === 'string') continue;
			if (c.name === name && c.ns === ns) found.push(c);
			walk(c);
		}
	};
	walk(el);
	return found;
}

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------

/** OIDs of the INS identifier root (interop.md). */
export const INS_OIDS = {
	nir: '1.2.250.1.213.1.4.8',
	nia: '1.2.250.1.213.1.4.9',
	testNir: '1.2.250.1.213.1.4.10',
	demoNir: '1.2.250.1.213.1.4.11'
} as const;
const insOids = new Set<string>(Object.values(INS_OIDS));

/** The patient of the header: its INS as written, when it carries one, and its traits (the birth
 * given names are the `given` without qualifier). */
export type CdaPatient = { ins: Ins | null } & Traits;

export type CdaHeader = {
	/** This version's id: `root` or `root^extension`. */
	id: string;
	setId: string | null;
	version: number;
	/** Id of the document this one replaces (relatedDocument typeCode RPLC). */
	replacesId: string | null;
	code: { code: string; codeSystem: string; displayName: string };
	title: string;
	/** effectiveTime as written, and as an instant (Europe/Paris when no offset is written). */
	effectiveTimeRaw: string;
	effectiveTime: Date;
	confidentialityCodes: string[];
	hiddenFromProfessionals: boolean;
	invisibleToPatient: boolean;
	invisibleToLegalRepresentatives: boolean;
	patient: CdaPatient;
	author: { name: string | null; organisation: string | null };
	custodian: string | null;
};

export type CdaBody =
	| { kind: 'nonXml'; mediaType: string; bytes: Buffer }
	| { kind: 'embeddedPdf'; mediaType: 'application/pdf'; bytes: Buffer }
	| { kind: 'narrative'; mediaType: 'text/html'; bytes: Buffer };

export type CdaDocument = { header: CdaHeader; body: CdaBody; level: 1 | 3 };

function instanceId(el: XmlElement | undefined): string | null {
	const root = el?.attrs.root?.trim();
	if (!root) return null;
	const ext = el?.attrs.extension?.trim();
	return ext ? `${root}^${ext}` : root;
}

function parisOffsetMinutes(instant: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: 'Europe/Paris',
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second')
	);
	return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/**
 * An HL7 TS (`YYYYMMDDHHMMSS.fff±ZZZZ`, any precision down to the year) as an instant. Without an
 * offset the time is taken as Europe/Paris local time.
 */
export function parseHl7Time(value: string): Date {
	const m =
		/^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?(?:([+-])(\d{2})(\d{2}))?$/.exec(
			value.trim()
		);
	if (!m) throw new CdaError('malformed', `invalid HL7 date "${value.slice(0, 40)}"`);
	const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) =>
		Number(m[i] ?? (i === 2 || i === 3 ? 1 : 0))
	) as [number, number, number, number, number, number];
	const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
		throw new CdaError('malformed', `invalid HL7 date "${value.slice(0, 40)}"`);
	}
	const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
	if (new Date(local).getUTCDate() !== day) {
		throw new CdaError('malformed', `invalid HL7 date "${value.slice(0, 40)}"`);
	}
	if (m[8]) {
		const offset = (Number(m[9]) * 60 + Number(m[10])) * (m[8] === '-' ? -1 : 1);
		return new Date(local - offset * 60000);
	}
	let guess = local - parisOffsetMinutes(local) * 60000;
	guess = local - parisOffsetMinutes(guess) * 60000;
	return new Date(guess);
}

function qualifiers(el: XmlElement): string[] {
	return (el.attrs.qualifier ?? '').split(/\s+/).filter(Boolean);
}

function patientOf(doc: XmlElement): CdaPatient {
	const role = at(doc, 'recordTarget', 'patientRole');
	const insId = children(role, 'id').find((id) => insOids.has(id.attrs.root ?? ''));
	const patient = child(role, 'patient');
	// A patient may carry several <name> elements; the birth traits may sit in any of them.
	const names = children(patient, 'name');
	const families = names.flatMap((n) => children(n, 'family'));
	const givens = names.flatMap((n) => children(n, 'given'));
	const birthFamily = families.find((f) => qualifiers(f).includes('BR'));
	const firstGiven = givens.find((g) => qualifiers(g).includes('BR'));
	const allGivens = givens.find((g) => qualifiers(g).length === 0);
	const birthTime = child(patient, 'birthTime')?.attrs.value?.trim();
	const county = at(patient, 'birthplace', 'place', 'addr', 'county');
	const text = (el: XmlElement | undefined) => {
		const t = textOf(el);
		return t === '' ? null : t;
	};
	return {
		ins: insId
			? { matricule: (insId.attrs.extension ?? '').trim(), oid: insId.attrs.root ?? '' }
			: null,
		birthName: text(birthFamily),
		firstGivenName: text(firstGiven),
		givenNames: text(allGivens),
		sex: child(patient, 'administrativeGenderCode')?.attrs.code?.trim() || null,
		birthDate:
			birthTime && /^\d{8}/.test(birthTime)
				? `${birthTime.slice(0, 4)}-${birthTime.slice(4, 6)}-${birthTime.slice(6, 8)}`
				: null,
		birthPlace: text(county)
	};
}

function personName(nameEl: XmlElement | undefined): string | null {
	if (!nameEl) return null;
	const given = children(nameEl, 'given').map(textOf).filter(Boolean).join(' ');
	const family = children(nameEl, 'family').map(textOf).filter(Boolean)[0] ?? '';
	const titles = [...children(nameEl, 'prefix'), ...children(nameEl, 'suffix')].map((t) =>
		textOf(t).toUpperCase()
	);
	const doctor = titles.some((t) => t === 'DR' || t === 'DR.' || t === 'PR' || t === 'PR.');
	const professor = titles.some((t) => t.startsWith('PR'));
	const plain = [given, family].filter(Boolean).join(' ').trim();
	if (!plain) return textOf(nameEl) || null;
	return doctor ? `${professor ? 'Pr' : 'Dr'} ${plain}` : plain;
}

function authorOf(doc: XmlElement): CdaHeader['author'] {
	const assigned = at(doc, 'author', 'assignedAuthor');
	const person = personName(at(assigned, 'assignedPerson', 'name'));
	const device = textOf(at(assigned, 'assignedAuthoringDevice', 'softwareName')) || null;
	const organisation = textOf(at(assigned, 'representedOrganization', 'name')) || null;
	return { name: person ?? device, organisation };
}

const CONFIDENTIALITY = {
	hidden: 'MASQUE_PS',
	invisiblePatient: 'INVISIBLE_PATIENT',
	invisibleRepresentatives: 'INVISIBLE_REPRESENTANTS_LEGAUX'
} as const;

/** Reads the header of a parsed CDA; throws CdaError when it is not a CDA R2 document. */
export function readHeader(doc: XmlElement): CdaHeader {
	if (doc.ns !== HL7_NS || doc.name !== 'ClinicalDocument') {
		throw new CdaError('unsupported', 'the XML document is not an HL7 CDA R2 ClinicalDocument');
	}
	const id = instanceId(child(doc, 'id'));
	if (!id) throw new CdaError('malformed', 'the CDA document has no id');
	const codeEl = child(doc, 'code');
	const code = codeEl?.attrs.code?.trim();
	if (!codeEl || !code) throw new CdaError('malformed', 'the CDA document has no type code');
	const effective = child(doc, 'effectiveTime')?.attrs.value;
	if (!effective) throw new CdaError('malformed', 'the CDA document has no effectiveTime');
	const versionRaw = child(doc, 'versionNumber')?.attrs.value?.trim();
	const version = versionRaw === undefined ? 1 : Number(versionRaw);
	if (!Number.isInteger(version) || version < 1 || version > 1_000_000) {
		throw new CdaError('malformed', 'the CDA versionNumber is not a positive integer');
	}
	const replaces = children(doc, 'relatedDocument').find((r) => r.attrs.typeCode === 'RPLC');
	const confidentialityCodes = children(doc, 'confidentialityCode').flatMap((c) =>
		[c.attrs.code, ...children(c, 'translation').map((t) => t.attrs.code)].filter(
			(v): v is string => !!v
		)
	);
	const displayName = codeEl.attrs.displayName?.trim() ?? '';
	const title = textOf(child(doc, 'title')) || displayName || code;
	return {
		id,
		setId: instanceId(child(doc, 'setId')),
		version,
		replacesId: instanceId(at(replaces, 'parentDocument', 'id')),
		code: { code, codeSystem: codeEl.attrs.codeSystem?.trim() ?? '', displayName },
		title: title.slice(0, 500),
		effectiveTimeRaw: effective,
		effectiveTime: parseHl7Time(effective),
		confidentialityCodes,
		hiddenFromProfessionals: confidentialityCodes.includes(CONFIDENTIALITY.hidden),
		invisibleToPatient: confidentialityCodes.includes(CONFIDENTIALITY.invisiblePatient),
		invisibleToLegalRepresentatives: confidentialityCodes.includes(
			CONFIDENTIALITY.invisibleRepresentatives
		),
		patient: patientOf(doc),
		author: authorOf(doc),
		custodian:
			textOf(
				at(doc, 'custodian', 'assignedCustodian', 'representedCustodianOrganization', 'name')
			) || null
	};
}

// ---------------------------------------------------------------------------------------------
// Body
// ---------------------------------------------------------------------------------------------

/** Media types a CDA body may carry and that we store (checked against the bytes). */
export const BODY_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** True when the bytes really are of this type (magic numbers; PDFs also need their trailer). */
export function looksLike(mediaType: string, bytes: Uint8Array): boolean {
	const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	switch (mediaType) {
		case 'application/pdf':
			return (
				b.subarray(0, 5).toString('latin1') === '%PDF-' &&
				b.subarray(Math.max(0, b.length - 2048)).includes('%%EOF')
			);
		case 'image/jpeg':
			return b.length > 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
		case 'image/png':
			return b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
		default:
			return false;
	}
}

function decodeBase64(el: XmlElement, what: string): Buffer {
	const raw = textOf(el).replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(raw) || raw.length % 4 !== 0 || raw.length === 0) {
		throw new CdaError('malformed', `${what} is not valid base64`);
	}
	return Buffer.from(raw, 'base64');
}

function embeddedPdf(body: XmlElement): Buffer | null {
	for (const media of descendants(body, 'observationMedia')) {
		const value = child(media, 'value');
		if (value?.attrs.mediaType === 'application/pdf' && value.attrs.representation === 'B64') {
			const bytes = decodeBase64(value, 'the embedded PDF (observationMedia)');
			if (!looksLike('application/pdf', bytes)) {
				throw new CdaError('malformed', 'the embedded PDF (observationMedia) is not a PDF');
			}
			return bytes;
		}
	}
	return null;
}

/** Extracts the readable body of a CDA: N1 file, N3 embedded PDF, or N3 narrative as HTML. */
export function readBody(doc: XmlElement, header: CdaHeader): { body: CdaBody; level: 1 | 3 } {
	const component = child(doc, 'component');
	const nonXml = child(component, 'nonXMLBody');
	if (nonXml) {
		const text = child(nonXml, 'text');
		if (!text) throw new CdaError('malformed', 'the nonXMLBody has no text');
		const mediaType = (text.attrs.mediaType ?? '').trim().toLowerCase();
		if (text.attrs.representation !== 'B64') {
			throw new CdaError('unsupported', 'only base64 (B64) nonXMLBody content is accepted');
		}
		if (!(BODY_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
			throw new CdaError(
				'unsupported',
				`nonXMLBody media type "${mediaType.slice(0, 60)}" is not accepted (PDF, JPEG or PNG)`
			);
		}
		const bytes = decodeBase64(text, 'the nonXMLBody');
		if (!looksLike(mediaType, bytes)) {
			throw new CdaError('malformed', `the nonXMLBody content is not a valid ${mediaType} file`);
		}
		return { body: { kind: 'nonXml', mediaType, bytes }, level: 1 };
	}
	const structured = child(component, 'structuredBody');
	if (!structured) throw new CdaError('malformed', 'the CDA document has no body');
	const pdf = embeddedPdf(structured);
	if (pdf)
		return { body: { kind: 'embeddedPdf', mediaType: 'application/pdf', bytes: pdf }, level: 3 };
	const html = renderHtml(structured, header);
	return {
		body: { kind: 'narrative', mediaType: 'text/html', bytes: Buffer.from(html, 'utf8') },
		level: 3
	};
}

/** Parses a CDA file: header and readable body. */
export function parseCda(bytes: Uint8Array, maxBytes: number): CdaDocument {
	const doc = parseXml(bytes, { maxBytes });
	const header = readHeader(doc);
	const { body, level } = readBody(doc, header);
	return { header, body, level };
}

// ---------------------------------------------------------------------------------------------
// Narrative → HTML (our own renderer: an allow-list of elements, every text escaped)
// ---------------------------------------------------------------------------------------------

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** CDA narrative element → HTML element. Anything else renders its children only. */
const narrativeMap: Record<string, string> = {
	paragraph: 'p',
	content: 'span',
	list: 'ul',
	item: 'li',
	table: 'table',
	caption: 'caption',
	thead: 'thead',
	tbody: 'tbody',
	tfoot: 'tfoot',
	tr: 'tr',
	th: 'th',
	td: 'td',
	sub: 'sub',
	sup: 'sup',
	br: 'br',
	footnote: 'small'
};
/** Elements dropped with their content. */
const dropped = new Set(['footnoteRef', 'renderMultiMedia', 'col', 'colgroup']);

const styleClasses: Record<string, string> = {
	bold: 'b',
	italics: 'i',
	underline: 'u',
	emphasis: 'i'
};

function safeAttributes(el: XmlElement, tag: string): string {
	const out: string[] = [];
	if (tag === 'td' || tag === 'th') {
		for (const name of ['colspan', 'rowspan']) {
			const v = el.attrs[name];
			if (v && /^[1-9]\d{0,2}$/.test(v)) out.push(` ${name}="${v}"`);
		}
	}
	const classes = (el.attrs.styleCode ?? '')
		.split(/\s+/)
		.map((s) => styleClasses[s.toLowerCase()])
		.filter((c): c is string => !!c);
	if (classes.length > 0) out.push(` class="${[...new Set(classes)].join(' ')}"`);
	return out.join('');
}

function renderNarrative(node: XmlNode, out: string[]): void {
	if (typeof node === 'string') {
		out.push(escapeHtml(node));
		return;
	}
	if (node.ns !== HL7_NS || dropped.has(node.name)) return;
	let tag = narrativeMap[node.name];
	if (node.name === 'list' && node.attrs.listType === 'ordered') tag = 'ol';
	if (!tag) {
		// linkHtml and unknown elements: their text only, never the element or its attributes.
		for (const c of node.children) renderNarrative(c, out);
		return;
	}
	if (tag === 'br') {
		out.push('<br>');
		return;
	}
	out.push(`<${tag}${safeAttributes(node, tag)}>`);
	for (const c of node.children) renderNarrative(c, out);
	out.push(`</${tag}>`);
}

function renderSection(section: XmlElement, depth: number, out: string[]): void {
	const title = textOf(child(section, 'title'));
	const text = child(section, 'text');
	const subsections = children(section, 'component')
		.map((c) => child(c, 'section'))
		.filter((s): s is XmlElement => !!s);
	if (!title && !text && subsections.length === 0) return;
	out.push('<section>');
	const h = `h${Math.min(depth + 2, 6)}`;
	if (title) out.push(`<${h}>${escapeHtml(title)}</${h}>`);
	if (text) {
		out.push('<div class="narrative">');
		for (const c of text.children) renderNarrative(c, out);
		out.push('</div>');
	}
	for (const s of subsections) renderSection(s, depth + 1, out);
	out.push('</section>');
}

const STYLE = [
	'body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem;color:#1a1a1a;max-width:60rem}',
	'table{border-collapse:collapse;margin:.5rem 0}',
	'td,th{border:1px solid #888;padding:.25rem .5rem;text-align:left;vertical-align:top}',
	'caption{font-weight:bold;text-align:left}',
	'.b{font-weight:bold}.i{font-style:italic}.u{text-decoration:underline}',
	'.meta{color:#444}'
].join('');

function frenchDateTime(date: Date): string {
	return new Intl.DateTimeFormat('fr-FR', {
		timeZone: 'Europe/Paris',
		dateStyle: 'full',
		timeStyle: 'short'
	}).format(date);
}

/**
 * A readable, self-contained HTML page of the sections' narrative text. Only the elements of
 * `narrativeMap` are emitted, with no attribute but colspan/rowspan (digits) and fixed classes.
 * It holds no script, link, image, URL or inline style attribute; it is served with a sandbox CSP.
 */
export function renderHtml(structuredBody: XmlElement, header: CdaHeader): string {
	const out: string[] = [];
	for (const component of children(structuredBody, 'component')) {
		const section = child(component, 'section');
		if (section) renderSection(section, 0, out);
	}
	const meta = [
		header.author.name ? `Auteur : ${escapeHtml(header.author.name)}` : null,
		header.author.organisation ? `Organisation : ${escapeHtml(header.author.organisation)}` : null,
		`Date : ${escapeHtml(frenchDateTime(header.effectiveTime))}`
	].filter(Boolean);
	return (
		'<!doctype html><html lang="fr"><head><meta charset="utf-8">' +
		`<title>${escapeHtml(header.title)}</title><style>${STYLE}</style></head><body><article>` +
		`<h1>${escapeHtml(header.title)}</h1><p class="meta">${meta.join('<br>')}</p>` +
		out.join('') +
		'</article></body></html>'
	);
}
