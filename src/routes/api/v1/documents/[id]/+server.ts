import type { RequestHandler } from './$types';
import { handle, json } from '$lib/server/api/http';
import * as read from '$lib/server/api/read';
import { db } from '$lib/server/db';

/** One document's metadata, when rule 7 lets the organisation see it (else a 404 problem). */
export const GET: RequestHandler = (event) =>
	handle(event, ({ organisation }) => json(read.getDocument(db(), organisation, event.params.id)));
