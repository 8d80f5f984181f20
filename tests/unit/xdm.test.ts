import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_ZIP_LIMITS,
	isSafeEntryName,
	listEntries,
	readXdm
} from '$lib/server/documents/xdm';
import { createXdm, createZip, xdmMetadata } from '../support/zip';
import { caught } from '../support/cda';

const FIXTURES = path.resolve('../shared/fixtures/cda');

describe('IHE XDM packages', () => {
	it('returns the CDA files METADATA.XML lists', () => {
		const n1 = fs.readFileSync(path.join(FIXTURES, 'DOC_NON_STRUCTURE_CDA-R2-N1.xml'));
		const vac = fs.readFileSync(path.join(FIXTURES, 'VAC-NOTE_2023.01.xml'));
		const docs = readXdm(
			createXdm([
				{ name: 'DOC0001.XML', data: n1 },
				{ name: 'DOC0002.XML', data: vac }
			])
		);
		expect(docs.map((d) => d.name)).toEqual([
			'IHE_XDM/SUBSET01/DOC0001.XML',
			'IHE_XDM/SUBSET01/DOC0002.XML'
		]);
		expect(docs[0]!.bytes.equals(n1)).toBe(true);
		expect(docs[1]!.bytes.equals(vac)).toBe(true);
	});

	it('refuses a zip without METADATA.XML, or listing a missing file', () => {
		expect(caught(() => readXdm(createZip([{ name: 'a.xml', data: '<a/>' }]))).message).toMatch(
			/METADATA/
		);
		const missing = createZip([
			{ name: 'IHE_XDM/SUBSET01/METADATA.XML', data: xdmMetadata(['DOC0009.XML']) }
		]);
		expect(caught(() => readXdm(missing)).kind).toBe('malformed');
	});

	it('refuses traversal and absolute names before inflating anything', () => {
		for (const name of ['../evil.xml', 'IHE_XDM/../../x', '/etc/passwd', 'C:/x', 'a\\b', 'a/./b']) {
			expect(isSafeEntryName(name), name).toBe(false);
			expect(caught(() => listEntries(createZip([{ name, data: 'x' }]))).kind).toBe('malformed');
		}
		const listed = createZip([
			{ name: 'IHE_XDM/SUBSET01/METADATA.XML', data: xdmMetadata(['../../README.TXT']) },
			{ name: 'README.TXT', data: 'x' }
		]);
		expect(caught(() => readXdm(listed)).kind).toBe('malformed');
	});

	it('refuses zip bombs from the central directory: ratio, total size, entry count', () => {
		const zeros = Buffer.alloc(20 * 1024 * 1024);
		expect(
			caught(() => listEntries(createZip([{ name: 'bomb.xml', data: zeros }]))).message
		).toMatch(/suspiciously/);
		const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 1000, maxRatio: 1e9 };
		const big = createZip([
			{ name: 'a', data: Buffer.alloc(600, 1) },
			{ name: 'b', data: Buffer.alloc(600, 2) }
		]);
		expect(caught(() => listEntries(big, limits)).kind).toBe('too-large');
		const many = createZip(
			Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
				name: `f${i}`,
				data: 'x'
			}))
		);
		expect(caught(() => listEntries(many)).kind).toBe('too-large');
	});

	it('never inflates past the declared size, and checks the CRC', () => {
		const data = randomBytes(5000);
		// Declare 10 bytes for a 5,000-byte entry: inflation stops at 10 and the entry is refused.
		const small = createZip([
			{ name: 'IHE_XDM/SUBSET01/METADATA.XML', data: xdmMetadata(['DOC0001.XML']) },
			{ name: 'IHE_XDM/SUBSET01/DOC0001.XML', data: data, declaredSize: 5000 }
		]);
		expect(readXdm(small)[0]!.bytes.length).toBe(5000);
		const liar = createZip([
			{ name: 'IHE_XDM/SUBSET01/METADATA.XML', data: xdmMetadata(['DOC0001.XML']) },
			{ name: 'IHE_XDM/SUBSET01/DOC0001.XML', data: data, declaredSize: 10 }
		]);
		expect(caught(() => readXdm(liar)).kind).toBe('malformed');
		expect(caught(() => listEntries(Buffer.from('not a zip at all, not at all'))).kind).toBe(
			'malformed'
		);
	});
});
