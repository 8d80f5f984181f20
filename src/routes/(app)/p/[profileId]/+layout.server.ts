import * as policy from '$lib/server/access/policy';
import { openSpace, reachable } from '$lib/server/access/request';
import { db } from '$lib/server/db';
import { countNew } from '$lib/server/documents/new';
import { displayName, givenName } from '$lib/server/identity/names';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params, url }) => {
	const { person, decision } = openSpace(params.profileId);
	// Read the path so that the new-document counts are fresh after every navigation (opening a
	// document changes them). The document being opened by this request counts as opened: this
	// load runs before the page's, which marks it.
	void url.pathname;
	const opening = params.documentId;
	return {
		profile: {
			id: person.id,
			name: displayName(person),
			givenName: givenName(person),
			own: decision.basis === 'self',
			reason: decision.reason,
			experimental: decision.experimental,
			mayViewHistory: policy.decideAction(decision, 'view_history').allow
		},
		profiles: reachable().profiles.map((p) => ({
			id: p.person.id,
			name: displayName(p.person),
			own: p.decision.basis === 'self',
			newCount: countNew(db(), p.person.id, p.decision, {
				exceptDocumentId: p.person.id === person.id ? opening : undefined
			})
		}))
	};
};
