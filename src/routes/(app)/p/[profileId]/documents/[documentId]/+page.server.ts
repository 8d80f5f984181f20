import { error, redirect } from '@sveltejs/kit';
import * as policy from '$lib/server/access/policy';
import { openDocument } from '$lib/server/access/request';
import * as history from '$lib/server/audit/history';
import { db } from '$lib/server/db';
import * as bin from '$lib/server/documents/bin';
import { categoryLabel } from '$lib/server/documents/categories';
import * as queries from '$lib/server/documents/queries';
import { routes } from '$lib/routes';
import type { Actions, PageServerLoad } from './$types';
import * as newDocuments from '$lib/server/documents/new';

export const load: PageServerLoad = ({ params, url }) => {
	const { account, now, person, decision, document, organisationName } = openDocument(
		params.profileId,
		params.documentId
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

	// The "nouveau" mark ends the first time someone on the person's side opens it.
	newDocuments.markOpened(db(), document.id, now);

	const others = queries
		.versions(db(), person.id, document.setId, decision.documentFilter)
		.filter((v) => v.id !== document.id);
	const notice = url.searchParams.get('ajoute')
		? 'added'
		: url.searchParams.get('restaure')
			? 'restored'
			: null;
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
			hiddenFromProfessionals: document.hiddenFromProfessionals,
			addedByPerson: document.source === 'person'
		},
		/** The most recent version, when this one was replaced. */
		current: others.find((v) => v.version > document.version) ?? null,
		/** Earlier versions, newest first. */
		previous: others.filter((v) => v.version < document.version),
		canManage: policy.decideAction(decision, 'manage_documents').allow,
		retentionDays: bin.RETENTION_DAYS,
		notice
	};
};

/**
 * The document's actions: each asks the policy (the document must be one this account may see,
 * and managing documents needs a legal basis), answers 404 otherwise, and is recorded.
 */
function requireManaged(profileId: string, documentId: string) {
	const found = openDocument(profileId, documentId);
	if (!policy.decideAction(found.decision, 'manage_documents').allow)
		error(404, 'Page introuvable');
	return found;
}

function setHidden(profileId: string, documentId: string, hidden: boolean) {
	const { account, now, person, decision, document } = requireManaged(profileId, documentId);
	bin.setHiddenFromProfessionals(db(), { personId: person.id, setId: document.setId, hidden });
	history.record(db(), {
		personId: person.id,
		actorAccountId: account.id,
		basis: decision.basis,
		action: hidden ? 'hide_document' : 'unhide_document',
		objectType: 'document',
		objectId: document.id,
		at: now
	});
	return { done: hidden ? ('hidden' as const) : ('shown' as const) };
}

export const actions: Actions = {
	masquer: ({ params }) => setHidden(params.profileId, params.documentId, true),
	afficher: ({ params }) => setHidden(params.profileId, params.documentId, false),
	supprimer: ({ params }) => {
		const { account, now, person, decision, document } = requireManaged(
			params.profileId,
			params.documentId
		);
		bin.moveToBin(db(), {
			personId: person.id,
			documentId: document.id,
			accountId: account.id,
			now
		});
		history.record(db(), {
			personId: person.id,
			actorAccountId: account.id,
			basis: decision.basis,
			action: 'delete_document',
			objectType: 'document',
			objectId: document.id,
			at: now
		});
		redirect(303, `${routes.documents(person.id)}/corbeille?supprime=${document.id}`);
	}
};
