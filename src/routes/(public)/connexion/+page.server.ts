import { fail, redirect } from '@sveltejs/kit';
import * as schemas from '$lib/schemas/auth';
import * as session from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/sign-in';
import { db } from '$lib/server/db';
import { parseForm, type FormIssues } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.account) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(schemas.signIn, await event.request.formData());
		if (!parsed.success) {
			return fail(400, {
				values: parsed.values as Record<string, string>,
				issues: parsed.issues,
				message: null as string | null
			});
		}
		const { email } = parsed.output;
		const result = await signIn(
			db(),
			{ email, password: parsed.output.password, ip: event.getClientAddress() },
			new Date()
		);
		if (!result.ok) {
			if (result.retryAfterSeconds) {
				event.setHeaders({ 'Retry-After': String(result.retryAfterSeconds) });
			}
			const issues: FormIssues = {};
			return fail(result.status, {
				values: { email } as Record<string, string>,
				issues,
				message: result.message as string | null
			});
		}
		session.setSessionCookie(event.cookies, result.token, result.session);
		redirect(303, '/');
	}
};
