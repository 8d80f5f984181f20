import { error, fail, redirect } from '@sveltejs/kit';
import { documentIdSchema } from '$lib/schemas/documents';
import * as policy from '$lib/server/access/policy';
import { openSpace } from '$lib/server/access/request';
import * as history from '$lib/server/audit/history';
import { db } from '$lib/server/db';
import * as bin from '$lib/server/documents/bin';
import { parseForm } from '$lib/server/forms';
import { routes } from '$lib/routes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const { now, person, decision } = openSpace(params.profileId, 'manage_documents');
	const documents = bin.list(db(), person.id, decision.documentFilter, now);
	// Which document was just put in the bin or taken out (ids only in the URL).
	const deletedId = url.searchParams.get('supprime');
	return {
		documents,
		retentionDays: bin.RETENTION_DAYS,
		justDeleted: documents.find((d) => d.id === deletedId)?.title ?? null
	};
};

export const actions: Actions = {
	restaurer: async ({ request, params }) => {
		const { account, now, person, decision } = openSpace(params.profileId, 'manage_documents');
		const parsed = parseForm(documentIdSchema, await request.formData());
		if (!parsed.success) error(404, 'Page introuvable');
		// The id names a document of *this* space (from the session's grant), still in the bin,
		// and one the policy would let this account see once restored.
		const found = bin.getBinned(db(), person.id, parsed.output.documentId, now);
		if (
			!found ||
			!policy.decideDocument(decision, { ...found, deletedAt: null }).allow ||
			!policy.decideAction(decision, 'manage_documents').allow
		) {
			error(404, 'Page introuvable');
		}
		if (!bin.restore(db(), { personId: person.id, documentId: found.id, now })) {
			return fail(409, { message: 'Ce document ne peut plus être restauré.' });
		}
		history.record(db(), {
			personId: person.id,
			actorAccountId: account.id,
			basis: decision.basis,
			action: 'restore_document',
			objectType: 'document',
			objectId: found.id,
			at: now
		});
		redirect(303, `${routes.document(person.id, found.id)}?restaure=1`);
	}
};
