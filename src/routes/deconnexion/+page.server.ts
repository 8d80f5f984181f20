import { redirect } from '@sveltejs/kit';
import * as session from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.account) redirect(303, '/connexion');
};

export const actions: Actions = {
	default: ({ locals, cookies }) => {
		if (locals.session) session.invalidateSession(db(), locals.session.id);
		session.deleteSessionCookie(cookies);
		locals.account = null;
		locals.session = null;
		redirect(303, '/connexion');
	}
};
