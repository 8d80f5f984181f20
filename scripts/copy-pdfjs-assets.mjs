// Copies the binary assets pdf.js fetches at runtime (standard fonts, CMaps,
// WebAssembly decoders, ICC profile) from node_modules/pdfjs-dist into
// static/pdfjs/, so that they are served same-origin by the app (CSP
// 'self') and shipped in the build without any runtime access to
// node_modules. Run before `vite dev` and `vite build`.
//
// PdfViewer.svelte points pdf.js at /pdfjs/{standard_fonts,cmaps,wasm,iccs}/.

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const { version } = JSON.parse(readFileSync(join(pdfjsRoot, 'package.json'), 'utf8'));

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(projectRoot, 'static', 'pdfjs');

const folders = ['standard_fonts', 'cmaps', 'wasm', 'iccs'];

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });

for (const folder of folders) {
	cpSync(join(pdfjsRoot, folder), join(target, folder), {
		recursive: true,
		// The JS fallback for OpenJPEG is only used when WebAssembly is
		// unavailable; leaving it out keeps third-party JS out of static/.
		filter: (source) => !source.endsWith('.js')
	});
}

writeFileSync(join(target, 'VERSION'), `pdfjs-dist ${version}\n`);
console.log(`pdf.js ${version} assets copied to ${target}`);
