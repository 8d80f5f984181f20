/**
 * The push service: a professional organisation sends a document for a person named by INS.
 * Everything is decided and validated BEFORE anything is stored — the file is read, the identity
 * matched, the space checked (rule 7), the version chain verified — so that a refused push stores
 * nothing. Then every document of the push (one, or each CDA of an XDM package) is stored through
 * documents/ingest.ts in one transaction, and the push is recorded in the person's history.
 */
import { and, eq, isNull } from 'drizzle-orm';
import * as v from 'valibot';
import * as history from '../audit/history';
import type { Db } from '../db';
import { documents, type Document, type Organisation, type Person } from '../db/schema';
import { CdaError, looksLike, parseCda, type CdaDocument } from '../documents/cda';
import { ingest, type IngestInput } from '../documents/ingest';
import { sha256Hex } from '../documents/storage';
import { readXdm } from '../documents/xdm';
import { newId } from '../ids';
import type { ApiConfig } from './config';
import type { Traits } from '../identity/ins';
import { matchPerson } from './identity';
import { ApiProblem, problem } from './problems';
import { requireProfessionalAccess, toApi, type ApiDocument } from './read';
import { notifyNewDocument } from '../notifications/new-document';

export type PushOutcome = { status: 200 | 201; body: { documents: ApiDocument[] } };

/** One validated document, ready to store (or already stored: an identical re-push). */
type Prepared = {
	person: Person;
	input: IngestInput;
	/** An identical document already received (same sender id, same content): nothing to store. */
	existing: Document | null;
};

export function cdaProblem(e: CdaError): ApiProblem {
	switch (e.kind) {
		case 'too-large':
			return problem('file-too-large', `The file is too large: ${e.message}.`);
		case 'unsupported':
			return problem(
				'unsupported-media-type',
				`Unsupported document: ${e.message}.`,
				`Document non pris en charge : ${e.message}.`
			);
		default:
			return problem(
				'malformed-file',
				`The file could not be read: ${e.message}.`,
				`Le fichier n’a pas pu être lu : ${e.message}.`
			);
	}
}

function withCdaErrors<T>(fn: () => T): T {
	try {
		return fn();
	} catch (e) {
		if (e instanceof CdaError) throw cdaProblem(e);
		throw e;
	}
}

/** "Dr Marcel CAMPARINI, Laboratoire des charmes" (the organisation when it is not the sender). */
function authorLine(name: string | null, authorOrganisation: string | null, sender: Organisation) {
	const org =
		authorOrganisation &&
		authorOrganisation.trim().toLowerCase() !== sender.name.trim().toLowerCase()
			? authorOrganisation
			: null;
	return [name, org].filter(Boolean).join(', ') || null;
}

/**
 * Version chain: a document naming the one it replaces must follow it (900) and come from the same
 * organisation (901); a new set id must not already exist for the person (900).
 */
function chain(
	db: Db,
	person: Person,
	organisation: Organisation,
	doc: { setId: string | null; version: number; replaces: string | null }
): { setId: string; version: number; replacesDocumentId: string | null } {
	if (doc.replaces) {
		const parent =
			db
				.select()
				.from(documents)
				.where(
					and(
						eq(documents.personId, person.id),
						eq(documents.externalId, doc.replaces),
						isNull(documents.deletedAt)
					)
				)
				.get() ??
			db
				.select()
				.from(documents)
				.where(
					and(
						eq(documents.personId, person.id),
						eq(documents.id, doc.replaces),
						isNull(documents.deletedAt)
					)
				)
				.get();
		if (!parent) {
			throw problem(
				'900',
				'The document this version replaces is unknown in the person’s space.',
				'Le document que cette version remplace est inconnu dans l’espace de la personne.'
			);
		}
		if (parent.organisationId !== organisation.id) throw problem('901');
		if (parent.supersededAt) {
			throw problem(
				'900',
				'The document this version replaces has already been replaced.',
				'Le document que cette version remplace a déjà été remplacé.'
			);
		}
		if (doc.setId && doc.setId !== parent.setId) {
			throw problem(
				'900',
				'The set id differs from that of the document replaced.',
				'L’identifiant de lot (setId) diffère de celui du document remplacé.'
			);
		}
		if (doc.version <= parent.version) {
			throw problem(
				'900',
				`Version ${doc.version} does not follow version ${parent.version} of the document replaced.`,
				`La version ${doc.version} ne fait pas suite à la version ${parent.version} du document remplacé.`
			);
		}
		return { setId: parent.setId, version: doc.version, replacesDocumentId: parent.id };
	}
	if (doc.setId) {
		const sameSet = db
			.select({ id: documents.id })
			.from(documents)
			.where(and(eq(documents.personId, person.id), eq(documents.setId, doc.setId)))
			.get();
		if (sameSet) {
			throw problem(
				'900',
				'A document of this set already exists: a new version must name the document it replaces.',
				'Un document de ce lot existe déjà : une nouvelle version doit désigner le document qu’elle remplace.'
			);
		}
	}
	return { setId: doc.setId ?? newId(), version: doc.version, replacesDocumentId: null };
}

/** An identical re-push (same sender id, same bytes) is not stored twice; a different one is refused. */
function duplicateOf(db: Db, person: Person, externalId: string | null, bytes: Uint8Array) {
	if (!externalId) return null;
	const existing = db
		.select()
		.from(documents)
		.where(
			and(
				eq(documents.personId, person.id),
				eq(documents.externalId, externalId),
				isNull(documents.deletedAt)
			)
		)
		.get();
	if (!existing) return null;
	if (existing.sha256 === sha256Hex(bytes)) return existing;
	throw new ApiProblem('906', {
		status: 409,
		detail: 'A different document with this id was already received for this person.',
		detail_fr: 'Un autre document portant cet identifiant a déjà été reçu pour cette personne.'
	});
}

function checkSize(bytes: Uint8Array, cfg: ApiConfig) {
	if (bytes.byteLength > cfg.maxFileBytes) {
		throw problem(
			'file-too-large',
			`The document is larger than ${cfg.maxFileBytes} bytes.`,
			`Le document dépasse ${cfg.maxFileBytes} octets.`
		);
	}
}

function prepareCda(
	db: Db,
	organisation: Organisation,
	cda: CdaDocument,
	cfg: ApiConfig
): Prepared {
	const { header, body } = cda;
	const person = matchPerson(
		db,
		{ ins: header.patient.ins, traits: header.patient },
		{ acceptTestIns: cfg.acceptTestIns }
	);
	requireProfessionalAccess(db, person, organisation);
	checkSize(body.bytes, cfg);
	const existing = duplicateOf(db, person, header.id, body.bytes);
	const versions = existing
		? {
				setId: existing.setId,
				version: existing.version,
				replacesDocumentId: existing.replacesDocumentId
			}
		: chain(db, person, organisation, {
				setId: header.setId,
				version: header.version,
				replaces: header.replacesId
			});
	return {
		person,
		existing,
		input: {
			personId: person.id,
			typeCode: header.code.code,
			typeSystem: header.code.codeSystem,
			typeDisplay: header.code.displayName || header.title,
			title: header.title,
			authorName: authorLine(header.author.name, header.author.organisation, organisation),
			organisationId: organisation.id,
			authoredAt: header.effectiveTime,
			source: 'professional',
			hiddenFromProfessionals: header.hiddenFromProfessionals,
			invisibleToPatient: header.invisibleToPatient,
			invisibleToLegalRepresentatives: header.invisibleToLegalRepresentatives,
			...versions,
			externalId: header.id,
			bytes: body.bytes,
			mediaType: body.mediaType
		}
	};
}

/** Stores the prepared documents in one transaction and records each push in the history. */
function commit(db: Db, organisation: Organisation, prepared: Prepared[]): PushOutcome {
	const ids = prepared.map((p) => p.input.externalId).filter((id): id is string => !!id);
	if (new Set(ids).size !== ids.length) {
		throw problem(
			'906',
			'The package holds the same document twice.',
			'Le paquet contient deux fois le même document.'
		);
	}
	const stored = db.transaction(() =>
		prepared.map((p) => {
			if (p.existing) return { doc: p.existing, created: false };
			const doc = ingest(db, p.input);
			history.record(db, {
				personId: p.person.id,
				action: 'push_document',
				basis: 'professional',
				actorOrganisationId: organisation.id,
				objectType: 'document',
				objectId: doc.id
			});
			return { doc, created: true };
		})
	);
	// After the commit: tell the people who reach the space (never what the document is).
	for (const s of stored) if (s.created) notifyNewDocument(db, s.doc, new Date());
	return {
		status: stored.some((s) => s.created) ? 201 : 200,
		body: { documents: stored.map((s) => toApi(s.doc, organisation.name)) }
	};
}

/** A CDA R2 document sent as the request body. */
export function pushCda(db: Db, organisation: Organisation, bytes: Uint8Array, cfg: ApiConfig) {
	const cda = withCdaErrors(() => parseCda(bytes, cfg.maxBodyBytes));
	return commit(db, organisation, [prepareCda(db, organisation, cda, cfg)]);
}

/** An IHE_XDM.zip: every CDA it lists, all or nothing. */
export function pushXdm(db: Db, organisation: Organisation, zip: Buffer, cfg: ApiConfig) {
	const files = withCdaErrors(() =>
		readXdm(zip, {
			maxEntries: 64,
			maxEntryUncompressed: cfg.maxBodyBytes,
			maxTotalUncompressed: cfg.maxBodyBytes * 2,
			maxRatio: 100
		})
	);
	const cdas = files.map((f) => withCdaErrors(() => parseCda(f.bytes, cfg.maxBodyBytes)));
	return commit(
		db,
		organisation,
		cdas.map((cda) => prepareCda(db, organisation, cda, cfg))
	);
}

// ---------------------------------------------------------------------------------------------
// JSON push: metadata + base64 file
// ---------------------------------------------------------------------------------------------

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const optionalText = (max: number) => v.nullish(v.pipe(v.string(), v.maxLength(max)));

export const confidentialityFlags = [
	'MASQUE_PS',
	'INVISIBLE_PATIENT',
	'INVISIBLE_REPRESENTANTS_LEGAUX'
] as const;
export const fileMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const JsonPush = v.object({
	person: v.object({
		ins: v.nullish(v.object({ matricule: v.pipe(v.string(), v.maxLength(20)), oid: text(64) })),
		traits: v.optional(
			v.object({
				birthName: optionalText(100),
				firstGivenName: optionalText(100),
				givenNames: optionalText(200),
				sex: v.nullish(v.picklist(['F', 'M', 'UN'])),
				birthDate: v.nullish(v.pipe(v.string(), v.isoDate())),
				birthPlace: v.nullish(v.pipe(v.string(), v.regex(/^[0-9AB]{5}$/i)))
			}),
			{}
		)
	}),
	document: v.object({
		typeCode: v.pipe(text(64), v.regex(/^[A-Za-z0-9._*-]+$/)),
		typeSystem: v.optional(text(128), '2.16.840.1.113883.6.1'),
		typeDisplay: v.nullish(text(200)),
		title: text(500),
		authoredAt: v.pipe(v.string(), v.isoTimestamp()),
		authorName: v.nullish(text(200)),
		id: v.nullish(text(200)),
		setId: v.nullish(text(200)),
		version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)), 1),
		replaces: v.nullish(text(200)),
		confidentiality: v.optional(v.array(v.picklist(confidentialityFlags)), [])
	}),
	file: v.object({
		mediaType: text(100),
		content: v.string()
	})
});
export type JsonPushInput = v.InferOutput<typeof JsonPush>;

export function parseJsonPush(value: unknown): JsonPushInput {
	const result = v.safeParse(JsonPush, value);
	if (!result.success) {
		const issues = result.issues.slice(0, 10).map((i) => ({
			path: v.getDotPath(i) ?? '',
			message: i.message
		}));
		throw problem(
			'invalid-request',
			`The JSON body does not follow the schema: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
			'Le corps JSON ne respecte pas le schéma attendu.',
			{ issues }
		);
	}
	return result.output;
}

export function pushJson(
	db: Db,
	organisation: Organisation,
	payload: JsonPushInput,
	cfg: ApiConfig
) {
	const mediaType = payload.file.mediaType.toLowerCase();
	if (!(fileMediaTypes as readonly string[]).includes(mediaType))
		throw problem('unsupported-media-type');
	const content = payload.file.content.replace(/\s+/g, '');
	if (Math.floor((content.length * 3) / 4) > cfg.maxFileBytes + 3) {
		throw problem('file-too-large', `The document is larger than ${cfg.maxFileBytes} bytes.`);
	}
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0 || content.length === 0) {
		throw problem(
			'malformed-file',
			'file.content is not valid base64.',
			'file.content n’est pas du base64 valide.'
		);
	}
	const bytes = Buffer.from(content, 'base64');
	checkSize(bytes, cfg);
	if (!looksLike(mediaType, bytes)) {
		throw problem(
			'malformed-file',
			`The file is not a valid ${mediaType} file.`,
			`Le fichier n’est pas un fichier ${mediaType} valide.`
		);
	}
	const authoredAt = new Date(payload.document.authoredAt);
	if (Number.isNaN(authoredAt.getTime()))
		throw problem('invalid-request', 'document.authoredAt is not a valid date.');
	const traits: Traits = {
		birthName: payload.person.traits.birthName ?? null,
		firstGivenName: payload.person.traits.firstGivenName ?? null,
		givenNames: payload.person.traits.givenNames ?? null,
		sex: payload.person.traits.sex ?? null,
		birthDate: payload.person.traits.birthDate ?? null,
		birthPlace: payload.person.traits.birthPlace ?? null
	};
	const person = matchPerson(
		db,
		{ ins: payload.person.ins ?? null, traits },
		{ acceptTestIns: cfg.acceptTestIns }
	);
	requireProfessionalAccess(db, person, organisation);
	const doc = payload.document;
	const existing = duplicateOf(db, person, doc.id ?? null, bytes);
	const versions = existing
		? {
				setId: existing.setId,
				version: existing.version,
				replacesDocumentId: existing.replacesDocumentId
			}
		: chain(db, person, organisation, {
				setId: doc.setId ?? null,
				version: doc.version,
				replaces: doc.replaces ?? null
			});
	return commit(db, organisation, [
		{
			person,
			existing,
			input: {
				personId: person.id,
				typeCode: doc.typeCode,
				typeSystem: doc.typeSystem,
				typeDisplay: doc.typeDisplay ?? doc.title,
				title: doc.title,
				authorName: doc.authorName ?? null,
				organisationId: organisation.id,
				authoredAt,
				source: 'professional',
				hiddenFromProfessionals: doc.confidentiality.includes('MASQUE_PS'),
				invisibleToPatient: doc.confidentiality.includes('INVISIBLE_PATIENT'),
				invisibleToLegalRepresentatives: doc.confidentiality.includes(
					'INVISIBLE_REPRESENTANTS_LEGAUX'
				),
				...versions,
				externalId: doc.id ?? null,
				bytes,
				mediaType
			}
		}
	]);
}
