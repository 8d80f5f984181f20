/**
 * A minimal zip writer for tests (stored or deflated entries), so that XDM packages and hostile
 * archives can be built at test time without shipping binary fixtures.
 */
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

export type ZipInput = {
	name: string;
	data: Uint8Array | string;
	deflate?: boolean;
	/** Lie about the uncompressed size in the headers (zip bomb tests). */
	declaredSize?: number;
};

export function createZip(files: ZipInput[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const file of files) {
		const data = typeof file.data === 'string' ? Buffer.from(file.data) : Buffer.from(file.data);
		const deflate = file.deflate ?? true;
		const body = deflate ? deflateRawSync(data) : data;
		const name = Buffer.from(file.name, 'utf8');
		const crc = crc32(data);
		const size = file.declaredSize ?? data.length;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x800, 6);
		local.writeUInt16LE(deflate ? 8 : 0, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x800, 8);
		central.writeUInt16LE(deflate ? 8 : 0, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, body);
		centrals.push(central, name);
		offset += local.length + name.length + body.length;
	}
	const cd = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, cd, end]);
}

/** METADATA.XML of an XDM package listing these document URIs. */
export function xdmMetadata(uris: string[]): string {
	const objects = uris
		.map(
			(uri, i) =>
				`<rim:ExtrinsicObject id="Document${i + 1}" mimeType="text/xml"><rim:Slot name="URI"><rim:ValueList><rim:Value>${uri}</rim:Value></rim:ValueList></rim:Slot></rim:ExtrinsicObject>`
		)
		.join('');
	return `<?xml version="1.0" encoding="UTF-8"?><lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0"><rim:RegistryObjectList>${objects}</rim:RegistryObjectList></lcm:SubmitObjectsRequest>`;
}

/** An IHE_XDM.zip holding these CDA files. */
export function createXdm(documents: { name: string; data: Uint8Array | string }[]): Buffer {
	return createZip([
		{ name: 'README.TXT', data: 'Relais test XDM package\r\n' },
		{ name: 'INDEX.HTM', data: '<html><body>Index</body></html>' },
		{ name: 'IHE_XDM/SUBSET01/METADATA.XML', data: xdmMetadata(documents.map((d) => d.name)) },
		...documents.map((d) => ({ name: `IHE_XDM/SUBSET01/${d.name}`, data: d.data }))
	]);
}
