import { requireDocument } from '$lib/server/access/spaces';
import * as history from '$lib/server/audit/history';
import { requireAccount } from '$lib/server/auth/guards';
import { db } from '$lib/server/db';
import { categoryLabel } from '$lib/server/documents/categories';
import * as queries from '$lib/server/documents/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const account = requireAccount();
	const now = new Date();
	const { person, decision, document, organisationName } = requireDocument(
		db(),
		account.id,
		params.profileId,
		params.documentId,
		now
	);
	history.record(db(), {
		personId: person.id,
		actorAccountId: account.id,
		basis: decision.basis,
		action: 'view_document',
		objectType: 'document',
		objectId: document.id,
		at: now
	});
	const versions = queries
		.versions(db(), person.id, document.setId, decision.documentFilter)
		.filter((v) => v.id !== document.id);
	return {
		document: {
			id: document.id,
			title: document.title,
			typeDisplay: document.typeDisplay,
			category: categoryLabel(document.category),
			authorName: document.authorName,
			organisationName,
			authoredAt: document.authoredAt,
			receivedAt: document.receivedAt,
			mediaType: document.mediaType,
			size: document.size,
			version: document.version,
			superseded: document.supersededAt !== null,
			hiddenFromProfessionals: document.hiddenFromProfessionals
		},
		versions
	};
};
