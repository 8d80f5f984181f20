/**
 * RFC 9457 problem details for the professional API. Every refusal carries a stable `code` (the
 * MSSanté integration guide's 900–906, then ours), an English `detail` and a French `detail_fr`.
 */
export const problemCodes = [
	'900',
	'901',
	'902',
	'903',
	'904',
	'905',
	'906',
	'space-excluded',
	'space-closed',
	'organisation-blocked',
	'file-too-large',
	'unsupported-media-type',
	'malformed-file',
	'invalid-request',
	'unauthorized',
	'not-found',
	'idempotency-conflict',
	'internal-error'
] as const;
export type ProblemCode = (typeof problemCodes)[number];

type Entry = { status: number; title: string; detail: string; detail_fr: string };

export const catalogue: Record<ProblemCode, Entry> = {
	'900': {
		status: 409,
		title: 'Wrong document version',
		detail: 'The version of the document does not follow the version it replaces.',
		detail_fr: 'La version du document ne fait pas suite à celle qu’il remplace.'
	},
	'901': {
		status: 403,
		title: 'Author not allowed to replace the document',
		detail: 'Only the organisation that sent a document may replace it.',
		detail_fr: 'Seul l’organisme qui a envoyé un document peut le remplacer.'
	},
	'902': {
		status: 404,
		title: 'Unknown patient',
		detail: 'No person with this INS has a space on this portal.',
		detail_fr: 'Aucune personne ayant cet INS n’a d’espace sur ce portail.'
	},
	'903': {
		status: 422,
		title: 'No INS',
		detail: 'The document does not identify the person by an INS.',
		detail_fr: 'Le document n’identifie pas la personne par son INS.'
	},
	'904': {
		status: 422,
		title: 'INS and traits do not match',
		detail: 'The INS is not valid, or the identity traits do not match the person’s space.',
		detail_fr:
			'L’INS n’est pas valide, ou les traits d’identité ne correspondent pas à l’espace de la personne.'
	},
	'905': {
		status: 422,
		title: 'Incomplete INS traits',
		detail:
			'An INS must come with all identity traits: birth name, first given name, given names, birth date, sex and birth place.',
		detail_fr:
			'Un INS doit être accompagné de tous les traits d’identité : nom de naissance, premier prénom, prénoms, date de naissance, sexe et lieu de naissance.'
	},
	'906': {
		status: 422,
		title: 'Document refused',
		detail: 'The document was refused.',
		detail_fr: 'Le document a été refusé.'
	},
	'space-excluded': {
		status: 403,
		title: 'Space excluded',
		detail:
			'This person has no space: an emancipated minor or a minor insured in their own right cannot have one. Nothing was stored.',
		detail_fr:
			'Cette personne n’a pas d’espace santé : un mineur émancipé ou assuré en son nom propre ne peut pas en avoir. Rien n’a été enregistré.'
	},
	'space-closed': {
		status: 403,
		title: 'Space closed',
		detail: 'This person’s space has been closed: it accepts no new document. Nothing was stored.',
		detail_fr:
			'L’espace santé de cette personne a été fermé : il n’accepte plus de document. Rien n’a été enregistré.'
	},
	'organisation-blocked': {
		status: 403,
		title: 'Organisation blocked by the person',
		detail: 'The person has blocked your organisation from their space.',
		detail_fr: 'La personne a bloqué l’accès de votre organisme à son espace santé.'
	},
	'file-too-large': {
		status: 413,
		title: 'File too large',
		detail: 'The request or the document is larger than this server accepts.',
		detail_fr: 'La requête ou le document dépasse la taille acceptée par ce service.'
	},
	'unsupported-media-type': {
		status: 415,
		title: 'Unsupported media type',
		detail:
			'Send application/json, application/xml or application/hl7-cda+xml (CDA R2), or application/zip (IHE XDM); documents must be PDF, JPEG or PNG.',
		detail_fr:
			'Envoyez du JSON, un document CDA R2 (XML) ou un paquet IHE XDM (zip) ; les documents doivent être en PDF, JPEG ou PNG.'
	},
	'malformed-file': {
		status: 422,
		title: 'Malformed file',
		detail: 'The file could not be read.',
		detail_fr: 'Le fichier n’a pas pu être lu.'
	},
	'invalid-request': {
		status: 400,
		title: 'Invalid request',
		detail: 'The request is not valid.',
		detail_fr: 'La requête n’est pas valide.'
	},
	unauthorized: {
		status: 401,
		title: 'Unauthorized',
		detail: 'A valid API key is required in the Authorization header (Bearer).',
		detail_fr: 'Une clé d’API valide est requise dans l’en-tête Authorization (Bearer).'
	},
	'not-found': {
		status: 404,
		title: 'Not found',
		detail: 'No such resource is available to your organisation.',
		detail_fr: 'Cette ressource n’existe pas ou n’est pas accessible à votre organisme.'
	},
	'idempotency-conflict': {
		status: 422,
		title: 'Idempotency key reused',
		detail: 'This Idempotency-Key was already used with a different request.',
		detail_fr: 'Cette clé d’idempotence a déjà servi pour une autre requête.'
	},
	'internal-error': {
		status: 500,
		title: 'Internal error',
		detail: 'An unexpected error occurred. Nothing was stored.',
		detail_fr: 'Une erreur inattendue est survenue. Rien n’a été enregistré.'
	}
};

export type ProblemBody = {
	type: string;
	title: string;
	status: number;
	code: ProblemCode;
	detail: string;
	detail_fr: string;
	[extension: string]: unknown;
};

const reserved = new Set(['type', 'title', 'status', 'code', 'detail', 'detail_fr', 'instance']);

/** A refusal, thrown anywhere in the API code and turned into a response by the route wrapper. */
export class ApiProblem extends Error {
	readonly body: ProblemBody;
	constructor(
		code: ProblemCode,
		options: {
			detail?: string;
			detail_fr?: string;
			status?: number;
			extensions?: Record<string, unknown>;
		} = {}
	) {
		const entry = catalogue[code];
		super(`${code}: ${options.detail ?? entry.detail}`);
		this.name = 'ApiProblem';
		const extensions = Object.fromEntries(
			Object.entries(options.extensions ?? {}).filter(([k]) => !reserved.has(k))
		);
		this.body = {
			type: `tag:relais.sante,2026:problem:${code}`,
			title: entry.title,
			status: options.status ?? entry.status,
			code,
			detail: options.detail ?? entry.detail,
			detail_fr: options.detail_fr ?? entry.detail_fr,
			...extensions
		};
	}
	get status(): number {
		return this.body.status;
	}
}

export function problem(
	code: ProblemCode,
	detail?: string,
	detail_fr?: string,
	extensions?: Record<string, unknown>
): ApiProblem {
	return new ApiProblem(code, { detail, detail_fr, extensions });
}

export const PROBLEM_TYPE = 'application/problem+json';

export function problemResponse(p: ApiProblem): Response {
	const headers = new Headers({
		'Content-Type': `${PROBLEM_TYPE}; charset=utf-8`,
		'Cache-Control': 'no-store'
	});
	if (p.body.code === 'unauthorized') headers.set('WWW-Authenticate', 'Bearer realm="relais"');
	return new Response(JSON.stringify(p.body), { status: p.status, headers });
}
