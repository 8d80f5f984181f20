import { fail, redirect } from '@sveltejs/kit';
import { documentKinds, todayInParis, addDocumentSchema } from '$lib/schemas/documents';
import { openSpace } from '$lib/server/access/request';
import * as history from '$lib/server/audit/history';
import { db } from '$lib/server/db';
import * as upload from '$lib/server/documents/upload';
import { parseForm } from '$lib/server/forms';
import { routes } from '$lib/routes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	openSpace(params.profileId, 'add_documents');
	return {
		kinds: documentKinds,
		today: todayInParis(),
		maxMiB: upload.MAX_UPLOAD_BYTES / (1024 * 1024)
	};
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const { account, now, person, decision } = openSpace(params.profileId, 'add_documents');
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			// Body over BODY_SIZE_LIMIT, or a broken multipart body.
			return fail(413, {
				values: {},
				issues: {
					fichier: `Ce fichier est trop volumineux : ${upload.MAX_UPLOAD_BYTES / (1024 * 1024)} Mo au plus.`
				}
			});
		}
		const parsed = parseForm(addDocumentSchema(now), form);
		const file = form.get('fichier');
		const hasFile = file instanceof File && file.size > 0;
		if (!parsed.success || !hasFile) {
			const issues = parsed.success ? {} : parsed.issues;
			if (!hasFile) issues.fichier = 'Choisissez une photo ou un fichier PDF.';
			const values = parsed.success ? stringValues(parsed.output) : parsed.values;
			return fail(400, { values, issues });
		}
		if (file.size > upload.MAX_UPLOAD_BYTES) {
			return fail(413, {
				values: stringValues(parsed.output),
				issues: {
					fichier: `Ce fichier est trop volumineux : ${Math.round(file.size / (1024 * 1024))} Mo, pour ${upload.MAX_UPLOAD_BYTES / (1024 * 1024)} Mo au plus. Pour une photo, réduisez sa taille ; pour un PDF, envoyez-le en plusieurs parties.`
				}
			});
		}
		// The file's name and declared type are never used: the content decides.
		const result = await upload.addDocument(db(), {
			personId: person.id,
			uploadedByAccountId: account.id,
			kind: parsed.output.kind,
			title: parsed.output.title,
			date: parsed.output.date,
			bytes: new Uint8Array(await file.arrayBuffer()),
			now
		});
		if (!result.ok) {
			return fail(result.status, {
				values: stringValues(parsed.output),
				issues: { fichier: result.reason }
			});
		}
		history.record(db(), {
			personId: person.id,
			actorAccountId: account.id,
			basis: decision.basis,
			action: 'add_document',
			objectType: 'document',
			objectId: result.document.id,
			at: now
		});
		redirect(303, `${routes.document(person.id, result.document.id)}?ajoute=1`);
	}
};

function stringValues(values: Record<string, string>): Record<string, string> {
	return { ...values };
}
