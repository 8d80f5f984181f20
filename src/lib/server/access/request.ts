/**
 * The access policy for the request being served. Page loads, actions and endpoints of the person
 * side ask here with the ids of their URL; a profile or document the signed-in account may not
 * reach answers 404 (existence is not confirmed).
 *
 * One request, one account, one instant: the account's reachable spaces are read once (one query:
 * its grants with their persons) and every load and action of the request decides from them. The
 * profile layout, its page and the switcher so share one read instead of three. (A request that
 * changes grants — none does yet — must not decide afterwards from this read.)
 */
import { getRequestEvent } from '$app/server';
import { error } from '@sveltejs/kit';
import { requireAccount } from '../auth/guards';
import { db } from '../db';
import * as documentQueries from '../documents/queries';
import * as policy from './policy';
import { reachableProfiles, type ReachableProfile } from './spaces';

type Memo = { accountId: string; now: Date; reachable: ReachableProfile[] };
const memos = new WeakMap<object, Memo>();

/**
 * The signed-in account, the request's instant and every space the account may reach (its own
 * first, then by name). Redirects to the sign-in page without an account.
 */
export function reachable() {
	const account = requireAccount();
	const { locals } = getRequestEvent();
	let memo = memos.get(locals);
	if (!memo || memo.accountId !== account.id) {
		const now = new Date();
		memo = { accountId: account.id, now, reachable: reachableProfiles(db(), account.id, now) };
		memos.set(locals, memo);
	}
	return { account, now: memo.now, profiles: memo.reachable };
}

/**
 * A space the signed-in account may reach for this action, or 404: the policy's decision on all
 * the account's grants on that person, read once per request.
 */
export function openSpace(profileId: string, action: policy.Action = 'view_space') {
	const { account, now, profiles } = reachable();
	const space = profiles.find((p) => p.person.id === profileId);
	if (!space || !policy.decideAction(space.decision, action).allow) error(404, 'Page introuvable');
	return { account, now, person: space.person, decision: space.decision };
}

/** A document of a space the account reaches, once the policy allows reading it; else 404. */
export function openDocument(profileId: string, documentId: string) {
	const space = openSpace(profileId, 'read_documents');
	const found = documentQueries.get(db(), space.person.id, documentId);
	if (!found || !policy.decideDocument(space.decision, found.document).allow) {
		error(404, 'Page introuvable');
	}
	return { ...space, ...found };
}
