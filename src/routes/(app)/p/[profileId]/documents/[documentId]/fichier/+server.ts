import { error } from '@sveltejs/kit';
import { openDocument } from '$lib/server/access/request';
import * as history from '$lib/server/audit/history';
import { db } from '$lib/server/db';
import * as storage from '$lib/server/documents/storage';
import * as log from '$lib/server/log';
import type { RequestHandler } from './$types';

/** The document's bytes, after the policy; type and name come from our records, never the upload. */
export const GET: RequestHandler = ({ locals, params, url }) => {
	if (!locals.account) error(404, 'Page introuvable');
	const { now, person, decision, document } = openDocument(params.profileId, params.documentId);
	let bytes: Buffer;
	try {
		bytes = storage.get(document.blobRef, document.sha256);
	} catch (e) {
		log.error(`document ${document.id} unreadable: ${e instanceof Error ? e.message : 'error'}`);
		error(500, 'Ce document ne peut pas être lu pour le moment.');
	}
	const download = url.searchParams.get('telechargement') === '1';
	if (download) {
		history.record(db(), {
			personId: person.id,
			actorAccountId: locals.account.id,
			basis: decision.basis,
			action: 'download_document',
			objectType: 'document',
			objectId: document.id,
			at: now
		});
	}
	// A structured (CDA level 3) document rendered as HTML is shown inside a sandboxed frame of
	// our own page: it may be framed by us, runs nothing, and loads nothing.
	const framed = !download && document.mediaType === 'text/html';
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': framed ? 'text/html; charset=utf-8' : document.mediaType,
			'Content-Length': String(bytes.byteLength),
			'Content-Disposition': `${download ? 'attachment' : 'inline'}; filename="${document.fileName}"`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'no-store',
			'Content-Security-Policy': framed
				? "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
				: "sandbox; default-src 'none'; frame-ancestors 'none'",
			'X-Frame-Options': framed ? 'SAMEORIGIN' : 'DENY'
		}
	});
};
