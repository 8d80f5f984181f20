import { reachableProfiles, requireSpace } from '$lib/server/access/spaces';
import { requireAccount } from '$lib/server/auth/guards';
import { db } from '$lib/server/db';
import { displayName, givenName } from '$lib/server/identity/names';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params }) => {
	const account = requireAccount();
	const now = new Date();
	const { person, decision } = requireSpace(db(), account.id, params.profileId, now);
	return {
		profile: {
			id: person.id,
			name: displayName(person),
			givenName: givenName(person),
			own: decision.basis === 'self',
			reason: decision.reason,
			experimental: decision.experimental
		},
		profiles: reachableProfiles(db(), account.id, now).map((p) => ({
			id: p.person.id,
			name: displayName(p.person),
			own: p.decision.basis === 'self'
		}))
	};
};
