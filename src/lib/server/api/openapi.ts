/**
 * OpenAPI 3.1 document of the professional API, served at /api/v1/openapi.json. The e2e tests
 * check it against the implementation: every route + method is here and vice versa, and response
 * bodies are validated against these schemas.
 */
import { catalogue, problemCodes } from './problems';
import { confidentialityFlags, fileMediaTypes } from './push';

const problemResponse = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
});

const nullableString = { type: ['string', 'null'] };

const traitsDescription =
	'All identity traits are mandatory with an INS (missing ones → 905); they must match the space exactly (names compared without accents or case; → 904).';

export const openapi = {
	openapi: '3.1.0',
	info: {
		title: 'Relais — API des professionnels',
		version: '1.0.0',
		description:
			'Professional software (ESMS DUI, hospital and GP systems) pushes documents into a person’s space and reads what the person allows. ' +
			'Authenticate with `Authorization: Bearer <key>` (keys are created by `npm run pro:key`). ' +
			'Refusals are RFC 9457 problems (`application/problem+json`) with a stable `code`: 900–906 as in the MSSanté integration guide, then ' +
			'`space-excluded`, `space-closed`, `organisation-blocked`, `file-too-large`, `unsupported-media-type`, `malformed-file`, `invalid-request`, ' +
			'`unauthorized`, `not-found`, `idempotency-conflict`, `internal-error`; `detail` is English, `detail_fr` French. A refused push stores nothing.'
	},
	servers: [{ url: '/' }],
	security: [{ bearer: [] }],
	paths: {
		'/api/v1/documents': {
			post: {
				operationId: 'pushDocument',
				summary: 'Push a document for a person named by INS',
				description:
					'Three forms: JSON (metadata + base64 file), a CDA R2 document as the body (level 1 PDF in nonXMLBody, level 3 structured body: its embedded PDF or a sanitised HTML rendering of the narrative), or an IHE_XDM.zip (every CDA listed in IHE_XDM/SUBSET01/METADATA.XML, all or nothing). ' +
					'A CDA whose relatedDocument RPLC names an earlier version supersedes it (900 when the version does not follow, 901 when another organisation sent it). ' +
					'Re-sending the same document id with the same content returns the stored document (200) and stores nothing. Largest document: 20 MiB.',
				parameters: [
					{
						name: 'Idempotency-Key',
						in: 'header',
						required: false,
						description:
							'A retry with the same key and the same body returns the first response and stores nothing twice; the same key with another body → 422 idempotency-conflict.',
						schema: { type: 'string', minLength: 1, maxLength: 255 }
					}
				],
				requestBody: {
					required: true,
					content: {
						'application/json': { schema: { $ref: '#/components/schemas/JsonPush' } },
						'application/hl7-cda+xml': {
							schema: {
								type: 'string',
								description: 'A CDA R2 ClinicalDocument (UTF-8, no DOCTYPE).'
							}
						},
						'application/xml': {
							schema: {
								type: 'string',
								description: 'A CDA R2 ClinicalDocument (UTF-8, no DOCTYPE).'
							}
						},
						'application/zip': {
							schema: { type: 'string', format: 'binary', description: 'An IHE_XDM.zip package.' }
						}
					}
				},
				responses: {
					'201': {
						description: 'Stored',
						headers: { Location: { schema: { type: 'string' } } },
						content: {
							'application/json': { schema: { $ref: '#/components/schemas/DocumentList' } }
						}
					},
					'200': {
						description: 'Already received (identical re-push, or replay of an Idempotency-Key)',
						content: {
							'application/json': { schema: { $ref: '#/components/schemas/DocumentList' } }
						}
					},
					'400': problemResponse('invalid-request'),
					'401': problemResponse('unauthorized'),
					'403': problemResponse('901, space-excluded, space-closed, organisation-blocked'),
					'404': problemResponse('902 unknown person'),
					'409': problemResponse('900 wrong version; 906 another document with this id'),
					'413': problemResponse('file-too-large'),
					'415': problemResponse('unsupported-media-type'),
					'422': problemResponse('903, 904, 905, 906, malformed-file, idempotency-conflict')
				}
			}
		},
		'/api/v1/persons/{ins}/documents': {
			get: {
				operationId: 'listPersonDocuments',
				summary: 'The documents of a person’s space that professionals may see',
				description:
					'Never documents hidden from professionals (MASQUE_PS) nor deleted ones; nothing when the person blocked the organisation. Each call appears in the person’s access history.',
				parameters: [
					{
						name: 'ins',
						in: 'path',
						required: true,
						description: 'INS matricule (15 characters, key checked).',
						schema: { type: 'string', pattern: '^[0-9]{5}([0-9]{2}|2[ABab])[0-9]{8}$' }
					},
					{
						name: 'oid',
						in: 'query',
						required: false,
						description:
							'INS root OID; by default production roots, then test roots when accepted.',
						schema: { type: 'string' }
					},
					{
						name: 'versions',
						in: 'query',
						required: false,
						schema: { type: 'string', enum: ['current', 'all'], default: 'current' }
					}
				],
				responses: {
					'200': {
						description: 'Documents, newest first',
						content: {
							'application/json': { schema: { $ref: '#/components/schemas/DocumentList' } }
						}
					},
					'400': problemResponse('invalid-request'),
					'401': problemResponse('unauthorized'),
					'403': problemResponse('space-excluded, space-closed, organisation-blocked'),
					'404': problemResponse('902 unknown person'),
					'422': problemResponse('904 invalid INS')
				}
			}
		},
		'/api/v1/documents/{id}': {
			get: {
				operationId: 'getDocument',
				summary: 'One document’s metadata',
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
				responses: {
					'200': {
						description: 'The document',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Document' } } }
					},
					'401': problemResponse('unauthorized'),
					'403': problemResponse('space-excluded, space-closed, organisation-blocked'),
					'404': problemResponse('not-found')
				}
			}
		},
		'/api/v1/documents/{id}/content': {
			get: {
				operationId: 'getDocumentContent',
				summary: 'The document’s bytes (PDF, JPEG, PNG, or HTML rendering of a structured CDA)',
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
				responses: {
					'200': {
						description: 'The file, as an attachment',
						content: {
							'application/pdf': { schema: { type: 'string', format: 'binary' } },
							'image/jpeg': { schema: { type: 'string', format: 'binary' } },
							'image/png': { schema: { type: 'string', format: 'binary' } },
							'text/html': { schema: { type: 'string' } }
						}
					},
					'401': problemResponse('unauthorized'),
					'403': problemResponse('space-excluded, space-closed, organisation-blocked'),
					'404': problemResponse('not-found')
				}
			}
		},
		'/api/v1/openapi.json': {
			get: {
				operationId: 'getOpenApi',
				summary: 'This document',
				security: [],
				responses: {
					'200': {
						description: 'OpenAPI 3.1',
						content: { 'application/json': { schema: { type: 'object' } } }
					}
				}
			}
		}
	},
	components: {
		securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
		schemas: {
			Problem: {
				type: 'object',
				required: ['type', 'title', 'status', 'code', 'detail', 'detail_fr'],
				properties: {
					type: { type: 'string' },
					title: { type: 'string' },
					status: { type: 'integer' },
					code: { type: 'string', enum: [...problemCodes] },
					detail: { type: 'string' },
					detail_fr: { type: 'string' },
					invalid_key: { type: 'string' },
					missing_traits: { type: 'array', items: { type: 'string' } },
					issues: {
						type: 'array',
						items: {
							type: 'object',
							required: ['path', 'message'],
							properties: { path: { type: 'string' }, message: { type: 'string' } }
						}
					}
				},
				'x-codes': Object.fromEntries(
					Object.entries(catalogue).map(([code, e]) => [code, { status: e.status, title: e.title }])
				)
			},
			Document: {
				type: 'object',
				additionalProperties: false,
				required: [
					'id',
					'title',
					'category',
					'type',
					'authoredAt',
					'receivedAt',
					'author',
					'organisation',
					'version',
					'setId',
					'replaces',
					'supersededAt',
					'externalId',
					'mediaType',
					'size',
					'sha256',
					'confidentiality',
					'links'
				],
				properties: {
					id: { type: 'string' },
					title: { type: 'string' },
					category: {
						type: 'string',
						description: 'Category shown to the person (documents/categories.ts).'
					},
					type: {
						type: 'object',
						additionalProperties: false,
						required: ['code', 'system', 'display'],
						properties: {
							code: { type: 'string' },
							system: { type: 'string' },
							display: { type: 'string' }
						}
					},
					authoredAt: { type: 'string', format: 'date-time' },
					receivedAt: { type: 'string', format: 'date-time' },
					author: nullableString,
					organisation: {
						type: ['object', 'null'],
						additionalProperties: false,
						required: ['id', 'name'],
						properties: { id: { type: 'string' }, name: { type: 'string' } }
					},
					version: { type: 'integer' },
					setId: { type: 'string' },
					replaces: { ...nullableString, description: 'Our id of the version this one replaces.' },
					supersededAt: { type: ['string', 'null'], format: 'date-time' },
					externalId: {
						...nullableString,
						description: 'The sender’s id (CDA id root^extension).'
					},
					mediaType: { type: 'string' },
					size: { type: 'integer' },
					sha256: { type: 'string' },
					confidentiality: {
						type: 'object',
						additionalProperties: false,
						required: ['invisibleToPatient', 'invisibleToLegalRepresentatives'],
						properties: {
							invisibleToPatient: { type: 'boolean' },
							invisibleToLegalRepresentatives: { type: 'boolean' }
						}
					},
					links: {
						type: 'object',
						additionalProperties: false,
						required: ['self', 'content'],
						properties: { self: { type: 'string' }, content: { type: 'string' } }
					}
				}
			},
			DocumentList: {
				type: 'object',
				additionalProperties: false,
				required: ['documents'],
				properties: {
					documents: { type: 'array', items: { $ref: '#/components/schemas/Document' } }
				}
			},
			JsonPush: {
				type: 'object',
				required: ['person', 'document', 'file'],
				properties: {
					person: {
						type: 'object',
						required: ['ins'],
						properties: {
							ins: {
								type: 'object',
								required: ['matricule', 'oid'],
								properties: {
									matricule: { type: 'string', examples: ['279035121518989'] },
									oid: { type: 'string', examples: ['1.2.250.1.213.1.4.8'] }
								}
							},
							traits: {
								type: 'object',
								description: traitsDescription,
								properties: {
									birthName: { type: 'string' },
									firstGivenName: { type: 'string' },
									givenNames: {
										type: 'string',
										description: 'All birth given names, space separated.'
									},
									sex: { type: 'string', enum: ['F', 'M', 'UN'] },
									birthDate: { type: 'string', format: 'date' },
									birthPlace: { type: 'string', description: 'INSEE code (5 characters).' }
								}
							}
						}
					},
					document: {
						type: 'object',
						required: ['typeCode', 'title', 'authoredAt'],
						properties: {
							typeCode: {
								type: 'string',
								description: 'JDV_J07 type code (LOINC or ANS), e.g. 57833-6 for an ordonnance.'
							},
							typeSystem: { type: 'string', default: '2.16.840.1.113883.6.1' },
							typeDisplay: { type: 'string' },
							title: { type: 'string' },
							authoredAt: { type: 'string', format: 'date-time' },
							authorName: { type: 'string' },
							id: {
								type: 'string',
								description: 'Your id of this document (re-sending it is idempotent).'
							},
							setId: { type: 'string' },
							version: { type: 'integer', minimum: 1 },
							replaces: {
								type: 'string',
								description: 'Your id (or ours) of the version this one replaces.'
							},
							confidentiality: {
								type: 'array',
								items: { type: 'string', enum: [...confidentialityFlags] }
							}
						}
					},
					file: {
						type: 'object',
						required: ['mediaType', 'content'],
						properties: {
							mediaType: { type: 'string', enum: [...fileMediaTypes] },
							content: { type: 'string', contentEncoding: 'base64' }
						}
					}
				}
			}
		}
	}
} as const;
