import { requireSpace } from '$lib/server/access/spaces';
import { requireAccount } from '$lib/server/auth/guards';
import { db } from '$lib/server/db';
import * as queries from '$lib/server/documents/queries';
import type { PageServerLoad } from './$types';

const LATEST = 5;

export const load: PageServerLoad = ({ params }) => {
	const account = requireAccount();
	const { person, decision } = requireSpace(db(), account.id, params.profileId, new Date());
	const mayReadDocuments = decision.scopes === 'all' || decision.scopes.includes('documents');
	return {
		mayReadDocuments,
		latest: mayReadDocuments
			? queries.listCurrent(db(), person.id, decision.documentFilter, { limit: LATEST })
			: []
	};
};
