import { config } from '$lib/server/config';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	return {
		demo: config().demo,
		account: locals.account ? { displayName: locals.account.displayName } : null
	};
};
