import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { accounts, type Account, type Session } from '../db/schema';
import { hashPassword, MAX_LENGTH, needsRehash, verifyDummy, verifyPassword } from './password';
import * as throttle from './rate-limit';
import { normaliseEmail } from './rate-limit';
import { createSession, generateSessionToken } from './session';

export { normaliseEmail };

/** The one message for a wrong password and for an email no account has. */
export const SIGN_IN_FAILED = 'Adresse e-mail ou mot de passe incorrect.';

/** "Trop de tentatives. Réessayez dans 3 minutes." — whole minutes, rounded up. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
	const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
	return `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
}

export type SignInResult =
	| { ok: true; token: string; session: Session; account: Account }
	| { ok: false; status: 400 | 429; message: string; retryAfterSeconds?: number };

/** Longer than any address (RFC 5321) or any password we accept, even before NFC: refused early. */
const MAX_EMAIL_LENGTH = 320;
const MAX_PASSWORD_UTF16 = 4 * MAX_LENGTH * 2;

/**
 * Email + password sign-in. Order matters:
 * 1. throttle check (IP bucket, account lock) — 429 with Retry-After seconds;
 * 2. the attempt is counted as a failure before the password is checked, so that parallel
 *    requests cannot all slip past the check; a success takes it back;
 * 3. the password is verified against the account's hash, or against a dummy hash when no account
 *    has the email (same time spent, same counting, same message: nothing tells them apart);
 * 4. on success, a new session token (never a token the client brought).
 */
export async function signIn(
	db: Db,
	input: { email: string; password: string; ip: string },
	now: Date
): Promise<SignInResult> {
	const email = normaliseEmail(input.email);
	const gate = throttle.checkSignIn(db, { email, ip: input.ip }, now);
	if (!gate.allowed) {
		return {
			ok: false,
			status: 429,
			message: tooManyAttemptsMessage(gate.retryAfterSeconds),
			retryAfterSeconds: gate.retryAfterSeconds
		};
	}
	if (email.length > MAX_EMAIL_LENGTH || input.password.length > MAX_PASSWORD_UTF16) {
		return { ok: false, status: 400, message: SIGN_IN_FAILED };
	}
	throttle.recordFailure(db, { email, ip: input.ip }, now);

	const account = db.select().from(accounts).where(eq(accounts.email, email)).get();
	const valid = account
		? await verifyPassword(account.passwordHash, input.password)
		: await verifyDummy(input.password);
	if (!account || !valid) return { ok: false, status: 400, message: SIGN_IN_FAILED };

	throttle.recordSuccess(db, { email }, now);
	if (needsRehash(account.passwordHash)) {
		account.passwordHash = await hashPassword(input.password);
		db.update(accounts)
			.set({ passwordHash: account.passwordHash })
			.where(eq(accounts.id, account.id))
			.run();
	}
	const token = generateSessionToken();
	const session = createSession(db, token, account.id, now);
	return { ok: true, token, session, account };
}
