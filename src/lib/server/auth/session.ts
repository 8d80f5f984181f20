import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import { prepared, type Db } from '../db';
import { accounts, sessions, type Account, type Session } from '../db/schema';
import { checkNewPassword, hashPassword } from './password';

/**
 * Sessions in the shape of the Lucia guide: a random token lives only in the cookie, the database
 * keeps its SHA-256 as the session id. Health-data timeouts (quality.md, ASVS 3.3): 30 minutes
 * without activity, 12 hours whatever the activity.
 */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most once a minute, not on every request. */
export const ACTIVITY_WRITE_INTERVAL_MS = 60 * 1000;

/** `__Host-`: the browser only accepts it Secure, with Path=/ and no Domain. */
export const SESSION_COOKIE = '__Host-relais-session';

/** An account as requests see it: everything but the password hash, which never leaves sign-in. */
export type SignedInAccount = Omit<Account, 'passwordHash'>;

export type SessionValidationResult =
	| {
			session: Session;
			account: SignedInAccount;
			/** lastSeenAt moved forward (and so the cookie's deadline): send the cookie again. */
			extended: boolean;
	  }
	| { session: null; account: null; extended: false };

/** 20 random bytes (160 bits), base32 lowercase without padding: 32 characters. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id stored for a token: hex SHA-256 of the token. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(db: Db, token: string, accountId: string, now: Date): Session {
	const session: Session = {
		id: sessionIdFromToken(token),
		accountId,
		createdAt: now,
		lastSeenAt: now,
		expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS)
	};
	db.insert(sessions).values(session).run();
	return session;
}

/** The moment the session ends if nothing happens: idle deadline, never past the absolute end. */
export function sessionDeadline(session: Session): Date {
	return new Date(
		Math.min(session.expiresAt.getTime(), session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS)
	);
}

const TOKEN_SHAPE = /^[a-z2-7]{32}$/;
const none = { session: null, account: null, extended: false } as const;

/**
 * The session and account behind a cookie token, or nulls. An expired session (idle for more than
 * 30 minutes, past its 12 hours, or older than the last password change) is deleted on sight.
 * Activity moves lastSeenAt forward, written when more than a minute has passed since the last write.
 */
export function validateSessionToken(db: Db, token: string, now: Date): SessionValidationResult {
	if (!TOKEN_SHAPE.test(token)) return none;
	const id = sessionIdFromToken(token);
	const row = prepared(db, 'session.validate', (d) =>
		d
			.select({
				session: sessions,
				account: {
					id: accounts.id,
					email: accounts.email,
					personId: accounts.personId,
					displayName: accounts.displayName,
					createdAt: accounts.createdAt,
					passwordChangedAt: accounts.passwordChangedAt,
					notifyNewDocuments: accounts.notifyNewDocuments
				}
			})
			.from(sessions)
			.innerJoin(accounts, eq(sessions.accountId, accounts.id))
			.where(eq(sessions.id, sql.placeholder('id')))
			.prepare()
	).get({ id });
	if (!row) return none;
	const { session, account } = row;
	const t = now.getTime();
	const expired =
		t >= session.expiresAt.getTime() ||
		t - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS ||
		(account.passwordChangedAt !== null &&
			session.createdAt.getTime() < account.passwordChangedAt.getTime());
	if (expired) {
		invalidateSession(db, session.id);
		return none;
	}
	const extended = t - session.lastSeenAt.getTime() > ACTIVITY_WRITE_INTERVAL_MS;
	if (extended) {
		session.lastSeenAt = now;
		db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id)).run();
	}
	return { session, account, extended };
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateAllSessions(db: Db, accountId: string): void {
	db.delete(sessions).where(eq(sessions.accountId, accountId)).run();
}

export class PasswordRejectedError extends Error {
	constructor(readonly reason: string) {
		super('password rejected by policy');
	}
}

/**
 * Stores a new password and signs the account out everywhere, in one transaction. The caller shows
 * checkNewPassword's message first; this check (with the email and display name) is a safety net
 * and throws PasswordRejectedError. Create a new session afterwards to keep the person signed in.
 */
export async function changePassword(
	db: Db,
	accountId: string,
	newPassword: string,
	now: Date
): Promise<void> {
	const account = db
		.select({ email: accounts.email, displayName: accounts.displayName })
		.from(accounts)
		.where(eq(accounts.id, accountId))
		.get();
	if (!account) throw new Error('unknown account');
	const problem = checkNewPassword(newPassword, {
		email: account.email,
		names: [account.displayName]
	});
	if (problem) throw new PasswordRejectedError(problem);
	const passwordHash = await hashPassword(newPassword);
	db.transaction((tx) => {
		tx.update(accounts)
			.set({ passwordHash, passwordChangedAt: now })
			.where(eq(accounts.id, accountId))
			.run();
		tx.delete(sessions).where(eq(sessions.accountId, accountId)).run();
	});
}

/**
 * Sets the session cookie. It expires at the session's deadline (idle or absolute, whichever comes
 * first), so the browser forgets it when the server would refuse it; no Max-Age beyond that.
 */
export function setSessionCookie(cookies: Cookies, token: string, session: Session): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		secure: true,
		sameSite: 'lax',
		path: '/',
		expires: sessionDeadline(session)
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
}
