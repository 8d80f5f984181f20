import type { RequestHandler } from './$types';
import { apiConfig } from '$lib/server/api/config';
import { handle, json } from '$lib/server/api/http';
import { problem } from '$lib/server/api/problems';
import * as read from '$lib/server/api/read';
import { db } from '$lib/server/db';

/**
 * The documents of a person's space a professional may see (rule 7). The path carries the INS
 * matricule — the professionals' identifier of the person — and is never logged.
 */
export const GET: RequestHandler = (event) =>
	handle(event, ({ organisation }) => {
		const params = event.url.searchParams;
		for (const name of params.keys()) {
			if (name !== 'oid' && name !== 'versions') {
				throw problem('invalid-request', `Unknown query parameter "${name.slice(0, 40)}".`);
			}
		}
		const versions = params.get('versions') ?? 'current';
		if (versions !== 'current' && versions !== 'all') {
			throw problem('invalid-request', 'versions must be "current" or "all".');
		}
		const oid = params.get('oid');
		const person = read.personForRead(db(), event.params.ins, oid, apiConfig());
		const documents = read.listForPerson(db(), organisation, person, {
			allVersions: versions === 'all'
		});
		return json({ documents });
	});
