import type { RequestHandler } from './$types';
import { apiConfig } from '$lib/server/api/config';
import { handle, json, mediaType, readBody } from '$lib/server/api/http';
import * as idempotency from '$lib/server/api/idempotency';
import { problem } from '$lib/server/api/problems';
import * as push from '$lib/server/api/push';
import { db } from '$lib/server/db';

const cdaTypes = ['application/xml', 'text/xml', 'application/hl7-cda+xml'];
const zipTypes = ['application/zip', 'application/x-zip-compressed'];

/**
 * Push a document (OpenAPI: src/lib/server/api/openapi.ts):
 * - application/json: metadata + base64 file (PDF, JPEG, PNG);
 * - application/xml | application/hl7-cda+xml: a CDA R2 document as the body;
 * - application/zip: an IHE_XDM.zip package, every CDA it lists (all or nothing).
 */
export const POST: RequestHandler = (event) =>
	handle(event, async ({ organisation }) => {
		const cfg = apiConfig();
		const type = mediaType(event.request);
		const kind =
			type === 'application/json'
				? 'json'
				: cdaTypes.includes(type)
					? 'cda'
					: zipTypes.includes(type)
						? 'zip'
						: null;
		if (!kind) throw problem('unsupported-media-type');
		const key = idempotency.checkKey(event.request.headers.get('idempotency-key'));
		const body = await readBody(event.request, cfg.maxBodyBytes);
		const hash = idempotency.requestHash([kind, body]);
		const database = db();
		const result = idempotency.once(database, organisation.id, key, hash, () => {
			if (kind === 'cda') return push.pushCda(database, organisation, body, cfg);
			if (kind === 'zip') return push.pushXdm(database, organisation, body, cfg);
			let value: unknown;
			try {
				value = JSON.parse(body.toString('utf8'));
			} catch {
				throw problem(
					'invalid-request',
					'The body is not valid JSON.',
					'Le corps n’est pas du JSON valide.'
				);
			}
			return push.pushJson(database, organisation, push.parseJsonPush(value), cfg);
		});
		const headers: Record<string, string> = {};
		if (result.replayed) headers['Idempotent-Replayed'] = 'true';
		const first = (result.body as { documents?: { links: { self: string } }[] }).documents?.[0];
		if (result.status === 201 && first) headers['Location'] = first.links.self;
		return json(result.body, result.status, headers);
	});
