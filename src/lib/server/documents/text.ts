/**
 * The text of a document, for the search index (search.ts): PDFs through pdfjs-dist on the
 * server (legacy build, no eval, parsing on this thread), HTML with its tags stripped. Images have
 * no text (no OCR). The text is capped (MAX_TEXT_CHARS) and so is the time spent per document
 * (MAX_MILLISECONDS, checked between pages; at most MAX_PAGES pages): a huge or hostile file gives
 * a partial text, never a stuck queue. Nothing here logs the text.
 */

/** 200 KB of text (UTF-16 code units) is far more than any real medical document. */
export const MAX_TEXT_CHARS = 200_000;
export const MAX_MILLISECONDS = 5_000;
export const MAX_PAGES = 200;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;

/**
 * pdf.js in Node uses a "fake worker" (the worker code on this thread). Registering the worker
 * module on globalThis makes pdf.js use it directly instead of importing it by path at run time,
 * which a bundled server (vite build + node build) could not resolve.
 */
async function loadPdfJs(): Promise<PdfJs> {
	pdfjsPromise ??= (async () => {
		// @ts-expect-error pdfjs-dist ships no type declarations for its worker module
		const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
		(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
		return import('pdfjs-dist/legacy/build/pdf.mjs');
	})();
	return pdfjsPromise;
}

function cap(text: string): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	return clean.length > MAX_TEXT_CHARS ? clean.slice(0, MAX_TEXT_CHARS) : clean;
}

/** The text of a PDF's pages, in order; '' when it has none or cannot be parsed. */
export async function pdfText(bytes: Uint8Array, now = () => performance.now()): Promise<string> {
	const pdfjs = await loadPdfJs();
	const started = now();
	const task = pdfjs.getDocument({
		// pdf.js may transfer (detach) the buffer it is given: hand it a copy.
		data: new Uint8Array(bytes),
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		stopAtErrors: false,
		verbosity: 0
	});
	const parts: string[] = [];
	let length = 0;
	try {
		const pdf = await task.promise;
		const pages = Math.min(pdf.numPages, MAX_PAGES);
		for (let n = 1; n <= pages; n++) {
			if (now() - started > MAX_MILLISECONDS || length >= MAX_TEXT_CHARS) break;
			const page = await pdf.getPage(n);
			const content = await page.getTextContent();
			for (const item of content.items) {
				if ('str' in item) {
					parts.push(item.str, item.hasEOL ? '\n' : ' ');
					length += item.str.length + 1;
				}
			}
			page.cleanup();
			// Let requests in between pages: extraction runs on the server's own thread.
			await new Promise((resolve) => setImmediate(resolve));
		}
	} catch {
		// A PDF pdf.js cannot read has no searchable text; its metadata stays indexed.
	} finally {
		await task.destroy();
	}
	return cap(parts.join(''));
}

const entities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

/** The visible text of an HTML document: scripts, styles and tags removed, entities decoded. */
export function htmlText(html: string): string {
	const text = html
		.slice(0, MAX_TEXT_CHARS * 4)
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/<(script|style|template|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] === '#') {
				const code =
					name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
				return Number.isFinite(code) && code > 0 && code <= 0x10ffff
					? String.fromCodePoint(code)
					: ' ';
			}
			return entities[name.toLowerCase()] ?? whole;
		});
	return cap(text);
}

/** The searchable text of a stored document, by its recorded media type. */
export async function extract(bytes: Uint8Array, mediaType: string): Promise<string> {
	switch (mediaType) {
		case 'application/pdf':
			return pdfText(bytes);
		case 'text/html':
			return htmlText(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
		case 'text/plain':
			return cap(
				new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, MAX_TEXT_CHARS * 4))
			);
		default:
			return '';
	}
}
