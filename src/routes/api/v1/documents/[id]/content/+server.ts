import type { RequestHandler } from './$types';
import { handle } from '$lib/server/api/http';
import * as read from '$lib/server/api/read';
import { db } from '$lib/server/db';

/**
 * The document's bytes (PDF, image, or the HTML rendering of a structured CDA), with the type from
 * our records, as an attachment, under a sandbox CSP so that even HTML can never run script.
 */
export const GET: RequestHandler = (event) =>
	handle(event, ({ organisation }) => {
		const content = read.getContent(db(), organisation, event.params.id);
		return new Response(new Uint8Array(content.bytes), {
			headers: {
				'Content-Type':
					content.mediaType === 'text/html' ? 'text/html; charset=utf-8' : content.mediaType,
				'Content-Length': String(content.bytes.length),
				'Content-Disposition': `attachment; filename="${content.fileName}"`,
				'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'",
				'X-Content-Type-Options': 'nosniff',
				'Cache-Control': 'no-store'
			}
		});
	});
