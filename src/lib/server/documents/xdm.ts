/**
 * IHE XDM packages (`IHE_XDM.zip`, as MSSanté messages carry them): root `README.TXT`,
 * `INDEX.HTM`, `IHE_XDM/SUBSET01/METADATA.XML` and the CDA files it lists.
 *
 * The zip is read from its central directory with our own small reader so that every limit is
 * enforced BEFORE anything is inflated (zip bombs): entry count, names (no traversal, no absolute
 * path), declared sizes, total uncompressed size and compression ratio. Inflation is then capped at
 * the declared size and the CRC-32 is checked. Encrypted, multi-disk and ZIP64 archives are refused.
 */
import { inflateRawSync } from 'node:zlib';
import { CdaError, children, descendants, parseXml, textOf, type XmlElement } from './cda';

export type ZipLimits = {
	maxEntries: number;
	maxTotalUncompressed: number;
	maxEntryUncompressed: number;
	/** Largest uncompressed/compressed ratio accepted for an entry. */
	maxRatio: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
	maxEntries: 64,
	maxTotalUncompressed: 64 * 1024 * 1024,
	maxEntryUncompressed: 32 * 1024 * 1024,
	maxRatio: 100
};

export type ZipEntry = {
	name: string;
	method: number;
	compressedSize: number;
	uncompressedSize: number;
	crc32: number;
	localHeaderOffset: number;
};

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function bad(message: string): CdaError {
	return new CdaError('malformed', `invalid zip: ${message}`);
}

/** True for a relative path without `..`, backslashes, drive letters, NUL or control characters. */
export function isSafeEntryName(name: string): boolean {
	if (name.length === 0 || name.length > 255) return false;
	if (name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name)) return false;
	if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
	return !name.split('/').some((part) => part === '..' || part === '.');
}

/** Lists the entries of a zip from its central directory, enforcing the limits. Inflates nothing. */
export function listEntries(zip: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
	const EOCD = 0x06054b50;
	let eocd = -1;
	for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
		if (zip.readUInt32LE(i) === EOCD) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw bad('end of central directory not found');
	const disk = zip.readUInt16LE(eocd + 4);
	const cdDisk = zip.readUInt16LE(eocd + 6);
	const count = zip.readUInt16LE(eocd + 10);
	const cdSize = zip.readUInt32LE(eocd + 12);
	const cdOffset = zip.readUInt32LE(eocd + 16);
	if (disk !== 0 || cdDisk !== 0) throw new CdaError('unsupported', 'multi-disk zips are refused');
	if (count === 0xffff || cdOffset === 0xffffffff) {
		throw new CdaError('unsupported', 'ZIP64 archives are refused');
	}
	if (count > limits.maxEntries) {
		throw new CdaError('too-large', `the zip holds more than ${limits.maxEntries} entries`);
	}
	if (cdOffset + cdSize > eocd) throw bad('central directory out of bounds');

	const entries: ZipEntry[] = [];
	let total = 0;
	let p = cdOffset;
	for (let i = 0; i < count; i++) {
		if (p + 46 > eocd || zip.readUInt32LE(p) !== 0x02014b50) throw bad('bad central directory');
		const flags = zip.readUInt16LE(p + 8);
		const method = zip.readUInt16LE(p + 10);
		const crc = zip.readUInt32LE(p + 16);
		const compressedSize = zip.readUInt32LE(p + 20);
		const uncompressedSize = zip.readUInt32LE(p + 24);
		const nameLength = zip.readUInt16LE(p + 28);
		const extraLength = zip.readUInt16LE(p + 30);
		const commentLength = zip.readUInt16LE(p + 32);
		const localHeaderOffset = zip.readUInt32LE(p + 42);
		const name = zip
			.subarray(p + 46, p + 46 + nameLength)
			.toString(flags & 0x800 ? 'utf8' : 'latin1');
		p += 46 + nameLength + extraLength + commentLength;

		if (flags & 0x1) throw new CdaError('unsupported', 'encrypted zip entries are refused');
		if (!isSafeEntryName(name)) throw bad(`unsafe entry name "${name.slice(0, 80)}"`);
		if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
			throw new CdaError('unsupported', 'ZIP64 archives are refused');
		}
		if (method !== 0 && method !== 8) {
			throw new CdaError('unsupported', `zip compression method ${method} is not supported`);
		}
		if (method === 0 && compressedSize !== uncompressedSize) throw bad('stored size mismatch');
		if (uncompressedSize > limits.maxEntryUncompressed) {
			throw new CdaError('too-large', `zip entry "${name.slice(0, 80)}" is too large`);
		}
		if (uncompressedSize > 1024 && uncompressedSize > compressedSize * limits.maxRatio) {
			throw new CdaError(
				'malformed',
				`zip entry "${name.slice(0, 80)}" is compressed suspiciously well`
			);
		}
		total += uncompressedSize;
		if (total > limits.maxTotalUncompressed) {
			throw new CdaError('too-large', 'the zip content is too large once uncompressed');
		}
		if (localHeaderOffset + 30 + compressedSize > cdOffset) throw bad('entry out of bounds');
		entries.push({ name, method, compressedSize, uncompressedSize, crc32: crc, localHeaderOffset });
	}
	const names = new Set<string>();
	for (const e of entries) {
		const key = e.name.toUpperCase();
		if (names.has(key)) throw bad(`duplicate entry "${e.name.slice(0, 80)}"`);
		names.add(key);
	}
	return entries;
}

/** Inflates one entry, never producing more than its declared size; checks the CRC-32. */
export function readEntry(zip: Buffer, entry: ZipEntry): Buffer {
	const p = entry.localHeaderOffset;
	if (zip.readUInt32LE(p) !== 0x04034b50) throw bad('bad local header');
	const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
	const end = start + entry.compressedSize;
	if (end > zip.length) throw bad('entry out of bounds');
	const raw = zip.subarray(start, end);
	let data: Buffer;
	if (entry.method === 0) data = Buffer.from(raw);
	else {
		try {
			data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
		} catch {
			throw bad(`entry "${entry.name.slice(0, 80)}" does not inflate to its declared size`);
		}
	}
	if (data.length !== entry.uncompressedSize) throw bad('entry size mismatch');
	if (crc32(data) !== entry.crc32) throw bad(`CRC mismatch for "${entry.name.slice(0, 80)}"`);
	return data;
}

const SUBSET = 'IHE_XDM/SUBSET01/';
const RIM_NS = 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0';

/** Document file names METADATA.XML lists (ExtrinsicObject `URI` slots), relative to SUBSET01. */
export function listedDocuments(metadata: XmlElement): string[] {
	const uris: string[] = [];
	for (const object of descendants(metadata, 'ExtrinsicObject', RIM_NS)) {
		for (const slot of children(object, 'Slot', RIM_NS)) {
			if (slot.attrs.name !== 'URI') continue;
			const values = descendants(slot, 'Value', RIM_NS).map(textOf);
			// Long URIs may be split over several values ("1|part", "2|part").
			const joined = values.every((v) => /^\d+\|/.test(v))
				? values.map((v) => v.replace(/^\d+\|/, '')).join('')
				: values[0];
			if (joined) uris.push(joined.trim());
		}
	}
	return uris;
}

export type XdmDocument = { name: string; bytes: Buffer };

/**
 * Opens an IHE_XDM zip and returns the CDA files METADATA.XML lists (or, when it lists none, every
 * `.XML` of SUBSET01 other than METADATA.XML), in the order listed.
 */
export function readXdm(zip: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): XdmDocument[] {
	const entries = listEntries(zip, limits);
	const byName = new Map(entries.map((e) => [e.name.toUpperCase(), e]));
	const metadataEntry = byName.get(`${SUBSET}METADATA.XML`);
	if (!metadataEntry) {
		throw new CdaError('malformed', `not an IHE XDM package: ${SUBSET}METADATA.XML is missing`);
	}
	const metadata = parseXml(readEntry(zip, metadataEntry), {
		maxBytes: limits.maxEntryUncompressed
	});
	let names = listedDocuments(metadata).map((uri) => `${SUBSET}${uri}`);
	if (names.length === 0) {
		names = entries
			.map((e) => e.name)
			.filter(
				(n) =>
					n.toUpperCase().startsWith(SUBSET) &&
					n.toUpperCase().endsWith('.XML') &&
					n.toUpperCase() !== `${SUBSET}METADATA.XML` &&
					!n.slice(SUBSET.length).includes('/')
			);
	}
	if (names.length === 0) throw new CdaError('malformed', 'the XDM package lists no document');
	return names.map((name) => {
		if (!isSafeEntryName(name)) throw bad(`unsafe document URI "${name.slice(0, 80)}"`);
		const entry = byName.get(name.toUpperCase());
		if (!entry) throw new CdaError('malformed', `the XDM package lacks "${name.slice(0, 80)}"`);
		return { name: entry.name, bytes: readEntry(zip, entry) };
	});
}
