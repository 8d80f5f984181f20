/**
 * Adding a document (issue 4, item 2) against a real SQLite file with the demo data: type from
 * content, full decode/parse, metadata stripped, size and quota limits, and a hostile corpus that
 * is refused with a French reason while nothing is stored (rows and files unchanged).
 */
import { count } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db } from '../../src/lib/server/db';
import { accessEvents, documents } from '../../src/lib/server/db/schema';
import * as storage from '../../src/lib/server/documents/storage';
import * as upload from '../../src/lib/server/documents/upload';
import { makePdf } from '../support/pdf';
import { EXIF_MARKER, XMP_MARKER, phoneJpeg, png, webp } from '../support/images';
import { accountIdByEmail, closeDemoDb, openDemoDb, personIdByIns } from '../support/demo-db';

let dir: string;
let db: Db;
let personId: string;
let accountId: string;
const now = new Date();

beforeAll(() => {
	({ dir, db } = openDemoDb('upload', now));
	personId = personIdByIns(db, '116066311320181');
	accountId = accountIdByEmail(db, 'parent1-adrien@relais.test');
});

afterAll(() => closeDemoDb({ dir, db }));

function storedFiles(): number {
	const root = path.join(dir, 'documents');
	if (!fs.existsSync(root)) return 0;
	let n = 0;
	for (const shard of fs.readdirSync(root)) {
		n += fs.readdirSync(path.join(root, shard)).length;
	}
	return n;
}

function state() {
	return {
		documents: db.select({ n: count() }).from(documents).get()!.n,
		events: db.select({ n: count() }).from(accessEvents).get()!.n,
		files: storedFiles()
	};
}

function add(
	bytes: Uint8Array,
	options: upload.UploadOptions = {},
	title = 'Ordonnance du Dr Martin'
) {
	return upload.addDocument(
		db,
		{
			personId,
			uploadedByAccountId: accountId,
			kind: 'ordonnance',
			title,
			date: '2026-01-15',
			bytes,
			now
		},
		options
	);
}

async function accepted(bytes: Uint8Array) {
	const result = await add(bytes);
	if (!result.ok) throw new Error(`refused: ${result.reason}`);
	const doc = result.document;
	return { doc, stored: storage.get(doc.blobRef, doc.sha256) };
}

/** Refused with a French sentence, and nothing written: rows, history and files unchanged. */
async function expectRefused(bytes: Uint8Array, pattern: RegExp, options?: upload.UploadOptions) {
	const before = state();
	const result = await add(bytes, options);
	expect(result.ok).toBe(false);
	if (result.ok) return;
	expect(result.reason).toMatch(pattern);
	expect(result.reason).toMatch(/[éèàçù’]|\b(le|la|les|ce|est)\b/); // French, for a person
	expect(state()).toEqual(before);
	return result;
}

function latin1(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('latin1');
}

describe('accepted files', () => {
	it('re-encodes a phone JPEG without EXIF, GPS or XMP, typed DOCPAT02', async () => {
		const original = await phoneJpeg();
		expect(latin1(original)).toContain(EXIF_MARKER);
		expect(latin1(original)).toContain(XMP_MARKER);
		const { doc, stored } = await accepted(original);
		expect(doc.mediaType).toBe('image/jpeg');
		expect(doc.typeCode).toBe('DOCPAT02');
		expect(doc.typeSystem).toBe('1.2.250.1.213.1.1.4.12');
		expect(doc.category).toBe('deposes');
		expect(doc.source).toBe('person');
		expect(doc.uploadedByAccountId).toBe(accountId);
		expect(doc.fileName).toMatch(/^document-[a-z0-9]+\.jpg$/);
		const text = latin1(stored);
		for (const needle of [EXIF_MARKER, XMP_MARKER, 'Exif\0\0', 'GPS', 'RelaisPhone', 'xmpmeta']) {
			expect(text).not.toContain(needle);
		}
		// No APP1 (EXIF/XMP) segment at all, and still a readable image of the same size.
		expect(stored.includes(Buffer.from([0xff, 0xe1]))).toBe(false);
		const meta = await sharp(stored).metadata();
		expect(meta.format).toBe('jpeg');
		expect(meta.exif).toBeUndefined();
		expect(meta.xmp).toBeUndefined();
		expect([meta.width, meta.height]).toEqual([640, 480]);
	});

	it('keeps a PNG a PNG, without its metadata', async () => {
		const { doc, stored } = await accepted(await png());
		expect(doc.mediaType).toBe('image/png');
		expect(latin1(stored)).not.toContain(EXIF_MARKER);
		expect(latin1(stored)).not.toContain('eXIf');
		expect((await sharp(stored).metadata()).format).toBe('png');
	});

	it('turns a WebP photo into a JPEG without metadata', async () => {
		const { doc, stored } = await accepted(await webp());
		expect(doc.mediaType).toBe('image/jpeg');
		expect(latin1(stored)).not.toContain(EXIF_MARKER);
	});

	it('accepts a well-formed PDF as it is', async () => {
		const pdf = makePdf('Ordonnance: pansement tous les deux jours');
		const { doc, stored } = await accepted(pdf);
		expect(doc.mediaType).toBe('application/pdf');
		expect(doc.fileName).toMatch(/^document-[a-z0-9]+\.pdf$/);
		expect(Buffer.compare(stored, pdf)).toBe(0);
	});

	it('strips what a polyglot JPEG hides after the picture', async () => {
		const jpeg = await phoneJpeg(200, 150);
		const polyglot = Buffer.concat([
			jpeg,
			Buffer.from('<html><script>alert(document.cookie)</script></html>')
		]);
		const { doc, stored } = await accepted(polyglot);
		expect(doc.mediaType).toBe('image/jpeg');
		expect(latin1(stored)).not.toContain('<script');
		expect(latin1(stored)).not.toContain('<html');
	});
});

describe('refused files store nothing', () => {
	it('a truncated PDF', async () => {
		const pdf = makePdf('Compte rendu', 20_000);
		await expectRefused(pdf.subarray(0, Math.floor(pdf.length * 0.6)), /abîmé ou incomplet/);
		// Cut just before the end-of-file marker, too.
		await expectRefused(pdf.subarray(0, pdf.length - 8), /abîmé ou incomplet/);
	});

	it('an HTML page named .pdf (the name is never read)', async () => {
		await expectRefused(
			Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
			/page web/
		);
	});

	it('a PDF with leading HTML', async () => {
		const polyglot = Buffer.concat([
			Buffer.from('<html><script>alert(1)</script>\n'),
			makePdf('Ordonnance')
		]);
		await expectRefused(polyglot, /page web|ne commence pas comme un PDF/);
	});

	it('an ELF program', async () => {
		const elf = Buffer.alloc(4096);
		elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
		await expectRefused(elf, /programme/);
	});

	it('a ZIP archive and an XML document with an external entity', async () => {
		const zip = Buffer.alloc(64);
		zip.set([0x50, 0x4b, 0x03, 0x04]);
		await expectRefused(zip, /archive compressée/);
		await expectRefused(
			Buffer.from(
				'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
			),
			/XML/
		);
	});

	it('an SVG image and a GIF', async () => {
		await expectRefused(
			Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
			/page web/
		);
		await expectRefused(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), /GIF/);
	});

	it('a JPEG header over garbage, and a truncated JPEG', async () => {
		const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]);
		await expectRefused(fake, /image est abîmée/);
		const jpeg = await phoneJpeg();
		await expectRefused(jpeg.subarray(0, Math.floor(jpeg.length / 2)), /image est abîmée/);
	});

	it('a PDF with JavaScript', async () => {
		const body = [
			'%PDF-1.4',
			'1 0 obj << /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >> endobj',
			'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
			'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj',
			'4 0 obj << /Names [(x) 5 0 R] >> endobj',
			'5 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj',
			''
		].join('\n');
		const offsets: number[] = [];
		let out = '';
		for (const line of body.split('\n')) {
			if (/^\d+ 0 obj/.test(line)) offsets.push(out.length);
			out += `${line}\n`;
		}
		const xref = out.length;
		out += `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
		for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
		out += `trailer << /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
		await expectRefused(Buffer.from(out, 'latin1'), /contient du code/);
	});

	it('an empty file and a file over 20 MiB', async () => {
		await expectRefused(new Uint8Array(0), /vide/);
		const big = makePdf('Gros document', upload.MAX_UPLOAD_BYTES + 1);
		expect(big.length).toBeGreaterThan(upload.MAX_UPLOAD_BYTES);
		await expectRefused(big, /trop volumineux/);
	});

	it('over the profile quota', async () => {
		const used = upload.usedBytes(db, personId);
		expect(used).toBeGreaterThan(0);
		await expectRefused(makePdf('Quota', 50_000), /plein/, { quotaBytes: used + 10_000 });
	});
});
