import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { requireAccount } from '$lib/server/auth/guards';
import { db } from '$lib/server/db';
import { accounts } from '$lib/server/db/schema';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** A checkbox: present ("on") when ticked, absent otherwise. */
const preferences = v.object({
	notifyNewDocuments: v.optional(v.literal('on', 'Choix non valide.'))
});

export const load: PageServerLoad = ({ url }) => {
	const account = requireAccount();
	return {
		email: account.email,
		notifyNewDocuments: account.notifyNewDocuments,
		saved: url.searchParams.get('enregistre') === '1'
	};
};

export const actions: Actions = {
	notifications: async ({ request }) => {
		const account = requireAccount();
		const parsed = parseForm(preferences, await request.formData());
		if (!parsed.success) return fail(400, { issues: parsed.issues });
		db()
			.update(accounts)
			.set({ notifyNewDocuments: parsed.output.notifyNewDocuments === 'on' })
			.where(eq(accounts.id, account.id))
			.run();
		redirect(303, '/compte?enregistre=1');
	}
};
