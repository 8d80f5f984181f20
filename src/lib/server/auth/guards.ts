import { getRequestEvent } from '$app/server';
import { redirect } from '@sveltejs/kit';
import type { Account } from '../db/schema';

/** The signed-in account, or a redirect to the sign-in page. Call it in every load and action. */
export function requireAccount(): Omit<Account, 'passwordHash'> {
	const { locals } = getRequestEvent();
	if (!locals.account) redirect(303, '/connexion');
	return locals.account;
}
