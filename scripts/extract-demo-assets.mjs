// One-off: extracts the real lab report PDF carried (base64) inside the ANS example
// DOC_NON_STRUCTURE_CDA-R2-N1.xml (component/nonXMLBody/text) into
// src/lib/server/demo/assets/lab-report-dominique.pdf, which is committed: the server never reads
// the shared fixtures at run time.
//
//   node scripts/extract-demo-assets.mjs [path/to/DOC_NON_STRUCTURE_CDA-R2-N1.xml]

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(
	process.argv[2] ??
		join(projectRoot, '..', 'shared', 'fixtures', 'cda', 'DOC_NON_STRUCTURE_CDA-R2-N1.xml')
);
const target = join(
	projectRoot,
	'src',
	'lib',
	'server',
	'demo',
	'assets',
	'lab-report-dominique.pdf'
);

const xml = readFileSync(source, 'utf8');

// The document is trusted (a published ANS example) and has one nonXMLBody: a targeted match
// is enough, no XML parser needed for this one-off.
const body = /<nonXMLBody\b[^>]*>([\s\S]*?)<\/nonXMLBody>/.exec(xml)?.[1];
if (!body) throw new Error(`no <nonXMLBody> in ${source}`);
const text = /<text\b([^>]*)>([\s\S]*?)<\/text>/.exec(body);
if (!text) throw new Error('no <text> in <nonXMLBody>');
const attributes = text[1];
if (!/mediaType="application\/pdf"/.test(attributes) || !/representation="B64"/.test(attributes)) {
	throw new Error(`unexpected <text${attributes}>: expected a base64 PDF`);
}
const pdf = Buffer.from(text[2].replace(/\s+/g, ''), 'base64');
if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the payload is not a PDF');

mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, pdf);
const sha256 = createHash('sha256').update(pdf).digest('hex');
console.log(`${target}\n${pdf.length} bytes, sha256 ${sha256}`);
