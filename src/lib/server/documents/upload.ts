/**
 * A document the person (or a legal representative, or a delegate allowed to) adds to the space:
 * a photo (JPEG, PNG, WebP) or a PDF. quality.md "Uploads":
 * - the type comes from the content (magic bytes), then the whole file is decoded or parsed;
 *   the name and the type the browser sent are never used;
 * - at most 20 MiB, and a per-profile quota of what people added;
 * - images are decoded and re-encoded (JPEG or PNG) without any metadata (EXIF, GPS, XMP, ICC…),
 *   which also drops whatever a polyglot hid after or inside the picture;
 * - PDFs must start with the PDF header, end with a cross-reference trailer, and be parsed whole
 *   by pdf.js (every page) before they are accepted; PDFs with scripts or attached files are refused;
 * - every refusal says why, in French, and stores nothing.
 * Accepted files go through `ingest` like every other document, typed with a DOCPATnn code.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import type { DocumentKind } from '$lib/schemas/documents';
import type { Db } from '../db';
import { documents, type Document } from '../db/schema';
import { ingest } from './ingest';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** What people may add to one profile (documents in the bin not counted). */
export const DEFAULT_QUOTA_BYTES = 500 * 1024 * 1024;
/** Decompression bombs: refuse images of more pixels than this (a 108 MP phone photo passes). */
export const MAX_PIXELS = 120_000_000;
export const MAX_PDF_PAGES = 1000;
const PARSE_TIMEOUT_MS = 30_000;

/** JDV_J07 (1.2.250.1.213.1.1.4.12): the "déposé par le patient" type of each kind. */
export const TYPE_SYSTEM = '1.2.250.1.213.1.1.4.12';
export const typeOfKind: Record<DocumentKind, { code: string; display: string }> = {
	ordonnance: {
		code: 'DOCPAT02',
		display: 'Traitement ou document de soins déposé par le patient'
	},
	'compte-rendu': { code: 'DOCPAT03', display: 'CR déposé par le patient' },
	biologie: { code: 'DOCPAT05', display: 'CR de biologie déposé par le patient' },
	certificat: { code: 'DOCPAT07', display: 'Certificat déposé par le patient' },
	administratif: { code: 'DOCPAT09', display: 'Document administratif déposé par le patient' },
	autre: { code: 'DOCPAT01', display: 'Synthèse déposée par le patient' }
};

export type Sniffed = 'pdf' | 'jpeg' | 'png' | 'webp';

export type UploadInput = {
	personId: string;
	uploadedByAccountId: string;
	kind: DocumentKind;
	title: string;
	/** The date of the document (YYYY-MM-DD, Paris calendar), already checked by the form. */
	date: string;
	bytes: Uint8Array;
	now?: Date;
};

export type UploadOptions = { quotaBytes?: number; maxBytes?: number };

export type UploadResult =
	{ ok: true; document: Document } | { ok: false; status: 400 | 413 | 415 | 422; reason: string };

const refused = (status: 400 | 413 | 415 | 422, reason: string): UploadResult => ({
	ok: false,
	status,
	reason
});

function mib(bytes: number): string {
	return `${Math.round(bytes / (1024 * 1024))} Mo`;
}

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
	if (bytes.length < offset + signature.length) return false;
	return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
		.subarray(start, end)
		.toString('latin1');
}

/** The accepted type the content claims by its first bytes; null for anything else. */
export function sniff(bytes: Uint8Array): Sniffed | null {
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
	return null;
}

/** Why a file that is none of the accepted types is refused, naming what it looks like. */
function unsupportedReason(bytes: Uint8Array): string {
	const accepted =
		'Seuls les photos (JPEG, PNG, WebP) et les documents PDF sont acceptés, quel que soit le nom du fichier.';
	const head = ascii(bytes, 0, Math.min(bytes.length, 1024))
		.replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
		.trimStart()
		.toLowerCase();
	let what = 'Ce fichier n’est ni une photo ni un PDF.';
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
		what = 'Ce fichier est une archive compressée (ZIP) ou un document Word, Excel ou LibreOffice.';
	} else if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0x4d, 0x5a])) {
		what = 'Ce fichier est un programme.';
	} else if (/^(<!doctype html|<html|<head|<body|<script|<iframe|<svg)/.test(head)) {
		what = 'Ce fichier est une page web (HTML ou SVG), pas une photo ni un PDF.';
	} else if (head.startsWith('<?xml') || head.startsWith('<')) {
		what = 'Ce fichier est un document XML ou une page web, pas une photo ni un PDF.';
	} else if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) {
		what = 'Ce fichier est une image GIF, un format qui n’est pas accepté.';
	} else if (
		ascii(bytes, 4, 12).startsWith('ftyphei') ||
		ascii(bytes, 4, 12).startsWith('ftypmif1')
	) {
		what =
			'Ce fichier est une photo au format HEIC. Réglez le téléphone pour enregistrer les photos en JPEG (« le plus compatible »), ou faites une capture d’écran de la photo.';
	} else if (ascii(bytes, 0, 1024).includes('%PDF-')) {
		what = 'Ce fichier ressemble à un PDF mais ne commence pas comme un PDF : il a été modifié.';
	}
	return `${what} ${accepted}`;
}

/** Bytes of documents people added to this profile and that are not in the bin. */
export function usedBytes(db: Db, personId: string): number {
	const row = db
		.select({ total: sql<number>`coalesce(sum(${documents.size}), 0)` })
		.from(documents)
		.where(
			and(
				eq(documents.personId, personId),
				eq(documents.source, 'person'),
				isNull(documents.deletedAt)
			)
		)
		.get();
	return Number(row?.total ?? 0);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('timeout')), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

sharp.cache(false);

/**
 * Decodes the whole image and re-encodes it without metadata: JPEG for photos, PNG for PNG
 * (screenshots, scans) and WebP with transparency. Orientation is applied first, so nothing is
 * lost by dropping EXIF.
 */
async function reencodeImage(
	bytes: Uint8Array,
	kind: Exclude<Sniffed, 'pdf'>
): Promise<{ bytes: Buffer; mediaType: 'image/jpeg' | 'image/png' } | string> {
	const damaged =
		'Cette image est abîmée ou incomplète : elle ne peut pas être lue. Reprenez la photo ou choisissez un autre fichier.';
	try {
		const input = () =>
			sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS, pages: 1 }).timeout({
				seconds: PARSE_TIMEOUT_MS / 1000
			});
		const meta = await input().metadata();
		if (meta.format !== kind) return damaged;
		if (!meta.width || !meta.height) return damaged;
		if (meta.width * meta.height > MAX_PIXELS) {
			return 'Cette image est trop grande (en nombre de pixels). Choisissez une photo de taille habituelle.';
		}
		const png = kind === 'png' || (kind === 'webp' && meta.hasAlpha === true);
		// sharp writes no metadata unless asked (no keepMetadata/withMetadata here).
		const pipeline = input().rotate();
		const out = png
			? await pipeline.png({ compressionLevel: 6 }).toBuffer()
			: await pipeline
					.flatten({ background: '#ffffff' })
					.jpeg({ quality: 85, chromaSubsampling: '4:2:0' })
					.toBuffer();
		return { bytes: out, mediaType: png ? 'image/png' : 'image/jpeg' };
	} catch (e) {
		if (e instanceof Error && /pixel limit/i.test(e.message)) {
			return 'Cette image est trop grande (en nombre de pixels). Choisissez une photo de taille habituelle.';
		}
		return damaged;
	}
}

const require = createRequire(import.meta.url);

function standardFontsUrl(): string | undefined {
	try {
		return (
			path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') +
			path.sep
		);
	} catch {
		return undefined;
	}
}

/** Refusal reason for a PDF, or null when pdf.js parsed the whole of it. */
async function checkPdf(bytes: Uint8Array): Promise<string | null> {
	const damaged =
		'Ce PDF est abîmé ou incomplet (il a peut-être été coupé pendant son enregistrement) : il ne peut pas être lu. Ouvrez-le sur votre appareil pour vérifier, puis réessayez.';
	// A complete PDF ends with "startxref <offset> %%EOF" (ISO 32000-1 §7.5.5) — a truncated one
	// does not, even when pdf.js could rebuild something readable out of it.
	const tail = ascii(bytes, Math.max(0, bytes.length - 1024), bytes.length);
	if (!/startxref\s+\d+\s+%%EOF[\s\0]*$/.test(tail)) return damaged;

	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = pdfjs.getDocument({
		// pdf.js may transfer the buffer it is given: hand it a copy.
		data: new Uint8Array(bytes),
		stopAtErrors: true,
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		enableXfa: false,
		verbosity: 0,
		standardFontDataUrl: standardFontsUrl()
	});
	try {
		return await withTimeout(
			(async () => {
				const pdf = await task.promise;
				if (pdf.numPages < 1) return damaged;
				if (pdf.numPages > MAX_PDF_PAGES) {
					return `Ce PDF a trop de pages (plus de ${MAX_PDF_PAGES}). Envoyez-le en plusieurs parties.`;
				}
				const [scripts, attachments] = await Promise.all([
					pdf.getJSActions(),
					pdf.getAttachments()
				]);
				if (
					(scripts && Object.keys(scripts).length > 0) ||
					(attachments && Object.keys(attachments).length > 0)
				) {
					return 'Ce PDF contient du code ou des fichiers joints : il n’est pas accepté pour votre sécurité. Enregistrez-le à nouveau en PDF simple (« Imprimer en PDF »), puis réessayez.';
				}
				for (let n = 1; n <= pdf.numPages; n++) {
					const page = await pdf.getPage(n);
					await page.getTextContent();
					page.cleanup();
				}
				return null;
			})(),
			PARSE_TIMEOUT_MS
		);
	} catch (e) {
		if (e instanceof Error && e.name === 'PasswordException') {
			return 'Ce PDF est protégé par un mot de passe : il ne peut pas être lu ici. Enregistrez-le sans mot de passe, puis réessayez.';
		}
		if (e instanceof Error && e.message === 'timeout') {
			return 'Ce PDF est trop complexe pour être vérifié. Enregistrez-le à nouveau en PDF simple (« Imprimer en PDF »), puis réessayez.';
		}
		return damaged;
	} finally {
		await task.destroy();
	}
}

/**
 * Checks a file and, when it is acceptable, stores it as a new document of the person.
 * Nothing is written unless every check passed.
 */
export async function addDocument(
	db: Db,
	input: UploadInput,
	options: UploadOptions = {}
): Promise<UploadResult> {
	const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
	const quotaBytes = options.quotaBytes ?? DEFAULT_QUOTA_BYTES;
	const { bytes } = input;

	if (bytes.byteLength === 0) {
		return refused(400, 'Le fichier choisi est vide. Choisissez une photo ou un PDF.');
	}
	if (bytes.byteLength > maxBytes) {
		return refused(
			413,
			`Ce fichier est trop volumineux : ${mib(bytes.byteLength)}, pour ${mib(maxBytes)} au plus. Pour une photo, réduisez sa taille ; pour un PDF, envoyez-le en plusieurs parties.`
		);
	}
	const quotaReason = `L’espace de stockage des documents ajoutés à ce profil est plein (${mib(quotaBytes)} au plus). Supprimez des documents que vous avez ajoutés avant d’en ajouter d’autres.`;
	const used = usedBytes(db, input.personId);
	if (used + bytes.byteLength > quotaBytes) return refused(413, quotaReason);

	const type = sniff(bytes);
	if (!type) return refused(415, unsupportedReason(bytes));

	let stored: { bytes: Uint8Array; mediaType: string };
	if (type === 'pdf') {
		const reason = await checkPdf(bytes);
		if (reason) return refused(422, reason);
		stored = { bytes, mediaType: 'application/pdf' };
	} else {
		const result = await reencodeImage(bytes, type);
		if (typeof result === 'string') return refused(422, result);
		stored = result;
	}
	if (stored.bytes.byteLength > maxBytes) {
		return refused(
			413,
			`Une fois préparée, cette image dépasse ${mib(maxBytes)}. Choisissez une photo plus petite.`
		);
	}
	// Checked again with the size actually stored, and just before the write.
	if (usedBytes(db, input.personId) + stored.bytes.byteLength > quotaBytes) {
		return refused(413, quotaReason);
	}

	const type_ = typeOfKind[input.kind];
	const now = input.now ?? new Date();
	const document = ingest(db, {
		personId: input.personId,
		typeCode: type_.code,
		typeSystem: TYPE_SYSTEM,
		typeDisplay: type_.display,
		title: input.title,
		authoredAt: new Date(`${input.date}T12:00:00Z`),
		receivedAt: now,
		// The person (or their representative) added it: nothing new to them.
		firstOpenedAt: now,
		source: 'person',
		uploadedByAccountId: input.uploadedByAccountId,
		bytes: stored.bytes,
		mediaType: stored.mediaType
	});
	return { ok: true, document };
}
