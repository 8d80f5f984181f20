import { requireSpace } from '$lib/server/access/spaces';
import { timeline } from '$lib/server/audit/timeline';
import { requireAccount } from '$lib/server/auth/guards';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const account = requireAccount();
	const { person, decision } = requireSpace(
		db(),
		account.id,
		params.profileId,
		new Date(),
		'view_history'
	);
	return { entries: timeline(db(), person.id, decision, account.id) };
};
