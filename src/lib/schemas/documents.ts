/**
 * Forms of the documents pages: adding a document, acting on one (hide, bin, restore).
 * Shared by the routes and their tests; no server import here.
 */
import * as v from 'valibot';

/**
 * What a person may add, in plain words. Each kind maps to a DMP "déposé par le patient" type
 * code (JDV_J07, DOCPATnn) in documents/upload.ts.
 */
export const documentKinds = [
	{
		id: 'ordonnance',
		label: 'Ordonnance ou document de soins (par exemple, la photo d’une ordonnance)'
	},
	{ id: 'compte-rendu', label: 'Compte rendu (consultation, hospitalisation…)' },
	{ id: 'biologie', label: 'Résultats d’analyses (prise de sang…)' },
	{ id: 'certificat', label: 'Certificat' },
	{ id: 'administratif', label: 'Papier administratif (attestation, carte, courrier…)' },
	{ id: 'autre', label: 'Autre document' }
] as const;

export type DocumentKind = (typeof documentKinds)[number]['id'];

const kindIds = documentKinds.map((k) => k.id) as [DocumentKind, ...DocumentKind[]];

export const TITLE_MAX = 150;

/** Today's calendar date in Europe/Paris (YYYY-MM-DD). */
export function todayInParis(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Paris',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}

function isRealDate(value: string): boolean {
	const [y, m, d] = value.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The text fields of the "add a document" form (the file is checked by documents/upload.ts). */
export function addDocumentSchema(now: Date = new Date()) {
	const today = todayInParis(now);
	return v.object({
		kind: v.picklist(kindIds, 'Choisissez le type de document.'),
		title: v.pipe(
			v.string('Donnez un titre au document.'),
			v.trim(),
			v.minLength(1, 'Donnez un titre au document, par exemple « Ordonnance du Dr Martin ».'),
			v.maxLength(TITLE_MAX, `Le titre doit faire au plus ${TITLE_MAX} caractères.`),
			// No control characters (they would be invisible on screen but kept in the record).
			v.regex(/^[^\p{Cc}]*$/u, 'Le titre contient des caractères non autorisés.')
		),
		date: v.pipe(
			v.string('Indiquez la date du document.'),
			v.trim(),
			v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Indiquez la date du document (jour, mois, année).'),
			v.check(isRealDate, 'Cette date n’existe pas.'),
			v.check((d) => d >= '1900-01-01', 'Indiquez une date après 1900.'),
			v.check((d) => d <= today, 'La date du document ne peut pas être dans le futur.')
		)
	});
}

export type AddDocumentForm = v.InferOutput<ReturnType<typeof addDocumentSchema>>;

/** The bin's restore button: which document (checked against the session's space by the server). */
export const documentIdSchema = v.object({
	documentId: v.pipe(
		v.string('Document introuvable.'),
		v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Document introuvable.')
	)
});
