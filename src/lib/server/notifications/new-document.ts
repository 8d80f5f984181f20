/**
 * "Un nouveau document est disponible" (issue 4, item 7): when a professional's document reaches a
 * space, every account that may read it there NOW — asked to the policy, account by account — and
 * that kept the preference on, gets one email. The email says only that something new is in whose
 * space, with a link to sign in: never the title, type, author, organisation or anything about
 * health. So a parent is never told of a document under the minor's secret, a caregiver only of
 * what the delegation covers, and nobody of anything in an excluded or closed space.
 *
 * Bursts are coalesced: at most one email per account and space per COALESCE_MS (a DLU updated
 * ten times in a morning sends one email).
 */
import { eq } from 'drizzle-orm';
import * as policy from '../access/policy';
import { policyOptions } from '../access/spaces';
import { config } from '../config';
import type { Db } from '../db';
import { accessGrants, accounts, persons, type Document, type Person } from '../db/schema';
import { givenName } from '../identity/names';
import * as outbox from './outbox';
import { ofName } from '../../format';

export const COALESCE_MS = 15 * 60_000;

export type NewDocumentFacts = Pick<
	Document,
	| 'id'
	| 'personId'
	| 'category'
	| 'deletedAt'
	| 'invisibleToPatient'
	| 'invisibleToLegalRepresentatives'
>;

/** The email for one account: the space it is about, and a link — nothing else. */
export function newDocumentEmail(
	person: Pick<Person, 'id' | 'usedGivenName'>,
	to: string,
	own: boolean,
	baseUrl = config().publicUrl
): outbox.Email {
	const name = givenName(person);
	const link = `${baseUrl}/p/${person.id}`;
	const subject = own
		? 'Nouveau document dans votre espace santé'
		: `Nouveau document dans l'espace santé ${ofName(name, "'")}`;
	const where = own ? 'votre espace santé' : `l'espace ${ofName(name, "'")}`;
	const text = [
		'Bonjour,',
		'',
		`Un nouveau document est disponible dans ${where}.`,
		'',
		'Pour le lire, connectez-vous à Relais :',
		link,
		'',
		'Par sécurité, ce message ne dit rien du document lui-même.',
		`Pour ne plus recevoir ces messages : ${baseUrl}/compte`,
		'',
		'Relais — mon espace santé',
		'(message automatique, merci de ne pas y répondre)'
	].join('\n');
	return { to, subject, text };
}

/**
 * Queues the emails announcing this document; returns how many were queued. Call it once the
 * document is committed (or inside the same transaction: a rollback then drops the emails too).
 */
export function notifyNewDocument(db: Db, document: NewDocumentFacts, now: Date): number {
	const person = db.select().from(persons).where(eq(persons.id, document.personId)).get();
	if (!person || !policy.spaceState(person).allow) return 0;
	const rows = db
		.select({
			grant: accessGrants,
			accountId: accounts.id,
			email: accounts.email,
			notify: accounts.notifyNewDocuments
		})
		.from(accessGrants)
		.innerJoin(accounts, eq(accessGrants.accountId, accounts.id))
		.where(eq(accessGrants.personId, person.id))
		.all();
	const byAccount = new Map<
		string,
		{ email: string; notify: boolean; grants: policy.GrantFacts[] }
	>();
	for (const row of rows) {
		const entry = byAccount.get(row.accountId) ?? {
			email: row.email,
			notify: row.notify,
			grants: []
		};
		entry.grants.push(row.grant);
		byAccount.set(row.accountId, entry);
	}
	const options = policyOptions();
	const since = new Date(now.getTime() - COALESCE_MS);
	let queued = 0;
	for (const { email, notify, grants } of byAccount.values()) {
		if (!notify) continue;
		const space = policy.decideSpace(grants, person, now, options);
		if (!space.allow || !policy.decideDocument(space, document).allow) continue;
		const message = newDocumentEmail(person, email, space.basis === 'self');
		if (outbox.queuedSince(db, message, since)) continue;
		outbox.enqueue(db, message, now);
		queued++;
	}
	return queued;
}
