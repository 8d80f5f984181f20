import { openSpace } from '$lib/server/access/request';
import { timeline } from '$lib/server/audit/timeline';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { account, person, decision } = openSpace(params.profileId, 'view_history');
	return { entries: timeline(db(), person.id, decision, account.id) };
};
