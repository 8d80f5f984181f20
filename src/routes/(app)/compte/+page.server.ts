import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import * as schemas from '$lib/schemas/auth';
import { requireAccount } from '$lib/server/auth/guards';
import { verifyPassword } from '$lib/server/auth/password';
import * as throttle from '$lib/server/auth/rate-limit';
import { tooManyAttemptsMessage } from '$lib/server/auth/sign-in';
import * as session from '$lib/server/auth/session';
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
		saved: url.searchParams.get('enregistre') === '1',
		passwordChanged: url.searchParams.get('motdepasse') === '1'
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
	},

	/**
	 * Changes the password after checking the current one (throttled like sign-in), then revokes
	 * every session of the account — other devices are signed out — and opens a new one here.
	 */
	motDePasse: async (event) => {
		const account = requireAccount();
		const parsed = parseForm(schemas.changePassword, await event.request.formData());
		if (!parsed.success) return fail(400, { passwordIssues: parsed.issues });
		const now = new Date();
		const ip = event.getClientAddress();
		const gate = throttle.checkSignIn(db(), { email: account.email, ip }, now);
		if (!gate.allowed) {
			return fail(429, {
				passwordIssues: { currentPassword: tooManyAttemptsMessage(gate.retryAfterSeconds) }
			});
		}
		const stored = db()
			.select({ passwordHash: accounts.passwordHash })
			.from(accounts)
			.where(eq(accounts.id, account.id))
			.get();
		if (!stored || !(await verifyPassword(stored.passwordHash, parsed.output.currentPassword))) {
			throttle.recordFailure(db(), { email: account.email, ip }, now);
			return fail(400, {
				passwordIssues: { currentPassword: 'Votre mot de passe actuel n’est pas celui-ci.' }
			});
		}
		try {
			await session.changePassword(db(), account.id, parsed.output.newPassword, now);
		} catch (e) {
			if (e instanceof session.PasswordRejectedError) {
				return fail(400, { passwordIssues: { newPassword: e.reason } });
			}
			throw e;
		}
		throttle.recordSuccess(db(), { email: account.email }, now);
		const token = session.generateSessionToken();
		const fresh = session.createSession(db(), token, account.id, new Date());
		session.setSessionCookie(event.cookies, token, fresh);
		redirect(303, '/compte?motdepasse=1');
	}
};
