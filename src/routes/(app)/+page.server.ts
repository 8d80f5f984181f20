import { redirect } from '@sveltejs/kit';
import { reachable } from '$lib/server/access/request';
import { db } from '$lib/server/db';
import { countNew } from '$lib/server/documents/new';
import { displayName } from '$lib/server/identity/names';
import { routes } from '$lib/routes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { profiles } = reachable();
	if (profiles.length === 1 && profiles[0]) redirect(303, routes.profile(profiles[0].person.id));
	return {
		profiles: profiles.map(({ person, decision }) => ({
			id: person.id,
			name: displayName(person),
			own: decision.basis === 'self',
			reason: decision.reason,
			experimental: decision.experimental,
			newCount: countNew(db(), person.id, decision)
		}))
	};
};
