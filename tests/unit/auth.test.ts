import { hash as argon2Hash } from '@node-rs/argon2';
import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as password from '$lib/server/auth/password';
import * as throttle from '$lib/server/auth/rate-limit';
import * as session from '$lib/server/auth/session';
import { SIGN_IN_FAILED, signIn, tooManyAttemptsMessage } from '$lib/server/auth/sign-in';
import { open, type Db } from '$lib/server/db';
import { accounts, sessions, signInThrottle } from '$lib/server/db/schema';

const MINUTE = 60_000;
const T0 = new Date('2026-03-03T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Deterministic, non-repeating, non-dictionary text of n code points (xorshift). */
function noise(n: number, seed = 1): string {
	const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789#%&*+=?@';
	let x = seed * 2654435761 || 1;
	let out = '';
	for (let i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		out += alphabet[(x >>> 0) % alphabet.length];
	}
	return out;
}

const GOOD_PASSWORD = 'cheval lampe orage 42';
const EMAIL = 'irene.martin@exemple.fr';

let dir: string;
let db: Db;

async function addAccount(email = EMAIL, pw = GOOD_PASSWORD, id = 'acc-irene'): Promise<string> {
	db.insert(accounts)
		.values({
			id,
			email,
			passwordHash: await password.hashPassword(pw),
			displayName: 'Irène Martin'
		})
		.run();
	return id;
}

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-auth-'));
	db = open(path.join(dir, 'test.db'));
	throttle.configureThrottle();
	throttle.resetIpBuckets();
});

afterEach(() => {
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
	throttle.configureThrottle();
	throttle.resetIpBuckets();
});

describe('password rules', () => {
	it('accepts 12 to 256 characters and refuses 11 and 257', () => {
		expect(password.checkNewPassword(noise(11))).toMatch(/au moins 12 caractères/);
		expect(password.checkNewPassword(noise(12))).toBeNull();
		expect(password.checkNewPassword(noise(256))).toBeNull();
		expect(password.checkNewPassword(noise(257))).toMatch(/dépasser 256 caractères/);
	});

	it('counts code points after NFC, not UTF-16 units', () => {
		const emoji = '🦊🐢🌻🍀🎈🚲🧩🎻🪁🌈🦉';
		expect(emoji.length).toBe(22); // UTF-16 units
		expect(password.checkNewPassword(emoji)).toMatch(/au moins 12/);
		expect(password.checkNewPassword(emoji + '🍐')).toBeNull();
		// 12 accented letters written decomposed: 24 code points before NFC, 12 after.
		const decomposed = 'éèêëàâäùûüôö'.normalize('NFD');
		expect([...decomposed]).toHaveLength(24);
		expect(password.passwordLength(decomposed)).toBe(12);
		expect(password.checkNewPassword(decomposed)).toBeNull();
		expect(password.checkNewPassword('éèêëàâäùûüô'.normalize('NFD'))).toMatch(/au moins 12/);
	});

	it('refuses common and breached passwords, with their usual disguises', () => {
		for (const pw of [
			'azerty123456',
			'AZERTY123456',
			'motdepasse12',
			'Marseille2024!',
			'P@ssw0rd1234',
			'M0tdep@sse2025',
			'doudoudoudou',
			'soleilsoleil',
			'123456789012',
			'abcdefghijkl',
			'aaaaaaaaaaaa',
			'iloveyou1234',
			'1q2w3e4r5t6y',
			'Nicolas1985!!',
			'chouchou2024'
		]) {
			expect(password.checkNewPassword(pw), pw).toMatch(/trop courant/);
		}
		expect(password.checkNewPassword(GOOD_PASSWORD)).toBeNull();
		expect(password.checkNewPassword('Le soleil de Marseille se lève tôt')).toBeNull();
	});

	it('ships a list of at least 1,000 lowercase entries', () => {
		const text = fs.readFileSync('src/lib/server/auth/common-passwords.txt', 'utf8');
		const entries = text.split('\n').filter((l) => l && !l.startsWith('#'));
		expect(entries.length).toBeGreaterThanOrEqual(1000);
		expect(entries.every((e) => e === e.toLowerCase())).toBe(true);
		for (const e of ['azerty123456', 'motdepasse', 'soleil', 'marseille', 'doudou']) {
			expect(entries).toContain(e);
		}
	});

	it('refuses the email local part and the names, accents and case aside', () => {
		const context = { email: 'irene.dupont-martin@exemple.fr', names: ['Irène', 'Léa Dupont'] };
		expect(password.checkNewPassword('IRENE.dupont-martin!9x', context)).toMatch(/adresse e-mail/);
		expect(password.checkNewPassword('mon chat irène 4ever', context)).toMatch(/votre nom/);
		expect(password.checkNewPassword('le jardin des dupont', context)).toMatch(/votre nom/);
		// Three-letter names only count as whole words.
		expect(password.checkNewPassword('Léa aime la pluie!', context)).toMatch(/votre nom/);
		expect(password.checkNewPassword('clean ocean breeze', context)).toBeNull();
		expect(password.checkNewPassword(GOOD_PASSWORD, context)).toBeNull();
	});
});

describe('password hashing', () => {
	it('uses argon2id m=19456 t=2 p=1', async () => {
		const h = await password.hashPassword(GOOD_PASSWORD);
		expect(h.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
		expect(password.needsRehash(h)).toBe(false);
		expect(password.DUMMY_HASH.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
	});

	it('a change at character 80 is a different password (no truncation)', async () => {
		const a = noise(100, 7);
		const b = a.slice(0, 80) + (a[80] === 'x' ? 'y' : 'x') + a.slice(81);
		expect(b).toHaveLength(100);
		expect(b).not.toBe(a);
		expect(a.slice(0, 80)).toBe(b.slice(0, 80));
		const h = await password.hashPassword(a);
		expect(await password.verifyPassword(h, a)).toBe(true);
		expect(await password.verifyPassword(h, b)).toBe(false);
		// and at the very end of the longest allowed password
		const long = noise(256, 9);
		const h2 = await password.hashPassword(long);
		expect(await password.verifyPassword(h2, long.slice(0, 255) + '!')).toBe(false);
		expect(await password.verifyPassword(h2, long)).toBe(true);
	});

	it('normalises to NFC before hashing and verifying', async () => {
		const composed = 'Amélie à la fenêtre';
		const decomposed = composed.normalize('NFD');
		expect(decomposed).not.toBe(composed);
		const h = await password.hashPassword(decomposed);
		expect(await password.verifyPassword(h, composed)).toBe(true);
		const h2 = await password.hashPassword(composed);
		expect(await password.verifyPassword(h2, decomposed)).toBe(true);
	});

	it('answers false on a malformed hash instead of throwing', async () => {
		expect(await password.verifyPassword('', 'x')).toBe(false);
		expect(await password.verifyPassword('not-a-hash', 'x')).toBe(false);
		expect(await password.verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$AAAA$', 'x')).toBe(false);
		expect(await password.verifyDummy('anything')).toBe(false);
	});
});

describe('sessions', () => {
	it('stores only the SHA-256 of a 160-bit token; the token is in no column', async () => {
		const accountId = await addAccount();
		const token = session.generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/); // 20 bytes = 160 bits
		expect(session.generateSessionToken()).not.toBe(token);
		const s = session.createSession(db, token, accountId, T0);
		const { createHash } = await import('node:crypto');
		expect(s.id).toBe(createHash('sha256').update(token).digest('hex'));

		const tables = db.$client
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
			.all() as { name: string }[];
		expect(tables.map((t) => t.name)).toContain('sessions');
		for (const { name } of tables) {
			const rows = db.$client.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
			for (const row of rows) {
				for (const value of Object.values(row)) {
					expect(String(value).includes(token), `${name} holds the token`).toBe(false);
				}
			}
		}
	});

	it('expires after 30 minutes idle (valid at 30:00, gone at 30:01)', async () => {
		const accountId = await addAccount();
		const token = session.generateSessionToken();
		session.createSession(db, token, accountId, T0);
		expect(session.validateSessionToken(db, token, at(30 * MINUTE)).session).not.toBeNull();

		const token2 = session.generateSessionToken();
		session.createSession(db, token2, accountId, T0);
		const r = session.validateSessionToken(db, token2, at(30 * MINUTE + 1000));
		expect(r).toEqual({ session: null, account: null, extended: false });
		const id2 = session.sessionIdFromToken(token2);
		expect(db.select().from(sessions).where(eq(sessions.id, id2)).all()).toHaveLength(0);
	});

	it('ends at 12 hours even with constant activity', async () => {
		const accountId = await addAccount();
		const token = session.generateSessionToken();
		session.createSession(db, token, accountId, T0);
		for (let t = 10 * MINUTE; t < 12 * 60 * MINUTE; t += 10 * MINUTE) {
			expect(session.validateSessionToken(db, token, at(t)).session, `at ${t}`).not.toBeNull();
		}
		expect(session.validateSessionToken(db, token, at(12 * 60 * MINUTE)).session).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('slides lastSeenAt, writing at most once a minute', async () => {
		const accountId = await addAccount();
		const token = session.generateSessionToken();
		const id = session.createSession(db, token, accountId, T0).id;
		const stored = () => db.select().from(sessions).where(eq(sessions.id, id)).get()?.lastSeenAt;

		// No write within the minute, and so no new cookie: its deadline has not moved.
		expect(session.validateSessionToken(db, token, at(30_000)).extended).toBe(false);
		expect(stored()).toEqual(T0);
		expect(session.validateSessionToken(db, token, at(60_000)).extended).toBe(false);
		expect(stored()).toEqual(T0);
		const r = session.validateSessionToken(db, token, at(61_000));
		expect(r.extended).toBe(true);
		expect(r.session?.lastSeenAt).toEqual(at(61_000));
		expect(stored()).toEqual(at(61_000));
		// 30 minutes after the bump, not after creation
		expect(
			session.validateSessionToken(db, token, at(61_000 + 30 * MINUTE)).session
		).not.toBeNull();
	});

	it('refuses unknown, malformed and revoked tokens', async () => {
		const accountId = await addAccount();
		const token = session.generateSessionToken();
		const s = session.createSession(db, token, accountId, T0);
		expect(session.validateSessionToken(db, session.generateSessionToken(), T0).session).toBeNull();
		expect(session.validateSessionToken(db, s.id, T0).session).toBeNull(); // the id is no token
		expect(session.validateSessionToken(db, '', T0).session).toBeNull();
		expect(session.validateSessionToken(db, token, T0).account?.id).toBe(accountId);
		session.invalidateSession(db, s.id);
		expect(session.validateSessionToken(db, token, T0).session).toBeNull();
	});

	it('changePassword stores the new hash and revokes every session in one go', async () => {
		const accountId = await addAccount();
		const other = await addAccount('paul@exemple.fr', GOOD_PASSWORD, 'acc-paul');
		const tokens = [1, 2, 3].map(() => session.generateSessionToken());
		for (const t of tokens) session.createSession(db, t, accountId, T0);
		const paulToken = session.generateSessionToken();
		session.createSession(db, paulToken, other, T0);

		const newPassword = 'trois tortues au galop';
		await session.changePassword(db, accountId, newPassword, at(MINUTE));
		for (const t of tokens) {
			expect(session.validateSessionToken(db, t, at(2 * MINUTE)).session).toBeNull();
		}
		expect(session.validateSessionToken(db, paulToken, at(2 * MINUTE)).session).not.toBeNull();
		const row = db.select().from(accounts).where(eq(accounts.id, accountId)).get();
		expect(row?.passwordChangedAt).toEqual(at(MINUTE));
		expect(await password.verifyPassword(row!.passwordHash, newPassword)).toBe(true);
		expect(await password.verifyPassword(row!.passwordHash, GOOD_PASSWORD)).toBe(false);

		// A weak password is refused and changes nothing.
		const keep = session.generateSessionToken();
		session.createSession(db, keep, accountId, at(3 * MINUTE));
		await expect(
			session.changePassword(db, accountId, 'azerty123456', at(4 * MINUTE))
		).rejects.toThrow(session.PasswordRejectedError);
		expect(session.validateSessionToken(db, keep, at(4 * MINUTE)).session).not.toBeNull();
	});

	it('sets the cookie HttpOnly, Secure, SameSite=Lax, Path=/, expiring at the session deadline', async () => {
		const calls: { name: string; value: string; opts: Record<string, unknown> }[] = [];
		const cookies = {
			set: (name: string, value: string, opts: Record<string, unknown>) =>
				calls.push({ name, value, opts }),
			delete: (name: string, opts: Record<string, unknown>) => calls.push({ name, value: '', opts })
		} as unknown as Cookies;
		const accountId = await addAccount();
		const token = session.generateSessionToken();
		const s = session.createSession(db, token, accountId, T0);
		session.setSessionCookie(cookies, token, s);
		expect(calls[0]).toEqual({
			name: '__Host-relais-session',
			value: token,
			opts: {
				httpOnly: true,
				secure: true,
				sameSite: 'lax',
				path: '/',
				expires: at(session.IDLE_TIMEOUT_MS)
			}
		});
		// Near the 12-hour end the cookie never outlives the session.
		const late = { ...s, lastSeenAt: at(11 * 60 * MINUTE + 50 * MINUTE) };
		session.setSessionCookie(cookies, token, late);
		expect(calls[1]?.opts.expires).toEqual(at(session.ABSOLUTE_TIMEOUT_MS));
		expect(calls[1]?.opts).not.toHaveProperty('maxAge');
		session.deleteSessionCookie(cookies);
		expect(calls[2]).toMatchObject({
			name: '__Host-relais-session',
			opts: { path: '/', secure: true }
		});
	});
});

describe('sign-in', () => {
	const ip = '203.0.113.7';

	it('signs in with a new token each time and the same generic message for every failure', async () => {
		await addAccount();
		const a = await signIn(
			db,
			{ email: '  Irene.Martin@Exemple.FR ', password: GOOD_PASSWORD, ip },
			T0
		);
		const b = await signIn(db, { email: EMAIL, password: GOOD_PASSWORD, ip }, T0);
		expect(a.ok && b.ok).toBe(true);
		if (!a.ok || !b.ok) return;
		expect(a.token).not.toBe(b.token);
		expect(a.account.id).toBe('acc-irene');
		expect(session.validateSessionToken(db, a.token, T0).session?.id).toBe(a.session.id);

		const wrong = await signIn(db, { email: EMAIL, password: 'not the password', ip }, T0);
		const unknown = await signIn(
			db,
			{ email: 'nobody@exemple.fr', password: GOOD_PASSWORD, ip },
			T0
		);
		expect(wrong).toEqual({ ok: false, status: 400, message: SIGN_IN_FAILED });
		expect(unknown).toEqual(wrong);
		expect(SIGN_IN_FAILED).toBe('Adresse e-mail ou mot de passe incorrect.');
	});

	it('locks after 5 failures, backs off 1, 2, 4, 8 then 15 minutes, and lets the real user in after', async () => {
		await addAccount();
		let t = 0;
		for (let i = 0; i < 5; i++) {
			const r = await signIn(db, { email: EMAIL, password: `wrong ${i}`, ip }, at(t));
			expect(r).toMatchObject({ ok: false, status: 400 });
		}
		const expected = [1, 2, 4, 8, 15, 15];
		for (const minutes of expected) {
			// Locked: even the right password is turned away, with the time to wait.
			const locked = await signIn(db, { email: EMAIL, password: GOOD_PASSWORD, ip }, at(t + 1000));
			expect(locked).toEqual({
				ok: false,
				status: 429,
				message: tooManyAttemptsMessage(minutes * 60 - 1),
				retryAfterSeconds: minutes * 60 - 1
			});
			t += minutes * MINUTE;
			const again = await signIn(db, { email: EMAIL, password: 'still wrong', ip }, at(t));
			expect(again).toMatchObject({ ok: false, status: 400 });
			throttle.resetIpBuckets();
		}
		// After the back-off the real user gets in, and the streak is over.
		t += 15 * MINUTE;
		const ok = await signIn(db, { email: EMAIL, password: GOOD_PASSWORD, ip }, at(t));
		expect(ok.ok).toBe(true);
		const typo = await signIn(db, { email: EMAIL, password: 'typo', ip }, at(t + 1000));
		expect(typo).toMatchObject({ status: 400 });
		const next = await signIn(db, { email: EMAIL, password: GOOD_PASSWORD, ip }, at(t + 2000));
		expect(next.ok).toBe(true);
	});

	it('says the wait in whole French minutes', () => {
		expect(tooManyAttemptsMessage(1)).toBe('Trop de tentatives. Réessayez dans 1 minute.');
		expect(tooManyAttemptsMessage(60)).toBe('Trop de tentatives. Réessayez dans 1 minute.');
		expect(tooManyAttemptsMessage(61)).toBe('Trop de tentatives. Réessayez dans 2 minutes.');
		expect(tooManyAttemptsMessage(900)).toBe('Trop de tentatives. Réessayez dans 15 minutes.');
	});

	it('throttles an unknown email exactly like a known one', async () => {
		await addAccount();
		const run = async (email: string) => {
			throttle.resetIpBuckets();
			const out: unknown[] = [];
			for (let i = 0; i < 8; i++) {
				out.push(await signIn(db, { email, password: `wrong ${i}`, ip }, at(i * 20_000)));
			}
			out.push(await signIn(db, { email, password: 'x', ip }, at(150_000)));
			return out;
		};
		const known = await run(EMAIL);
		const unknown = await run('personne@exemple.fr');
		expect(unknown).toEqual(known);
		expect(known.filter((r) => (r as { status: number }).status === 429).length).toBeGreaterThan(0);
		expect(
			db
				.select()
				.from(signInThrottle)
				.where(eq(signInThrottle.key, 'account:personne@exemple.fr'))
				.get()
		).toBeDefined();
	});

	it('counts parallel attempts before verifying: only 5 of 12 get a password check', async () => {
		await addAccount();
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				signIn(db, { email: EMAIL, password: `guess ${i}`, ip }, T0)
			)
		);
		expect(results.filter((r) => !r.ok && r.status === 400)).toHaveLength(5);
		expect(results.filter((r) => !r.ok && r.status === 429)).toHaveLength(7);
	});

	it('answers 429 when one IP sends too many sign-ins, whatever the accounts', async () => {
		throttle.configureThrottle({ ipCapacity: 3, ipRefillMs: 3 * MINUTE });
		for (let i = 0; i < 3; i++) {
			const r = await signIn(db, { email: `x${i}@exemple.fr`, password: 'p', ip }, T0);
			expect(r.ok === false && r.status).toBe(400);
		}
		const blocked = await signIn(db, { email: 'y@exemple.fr', password: 'p', ip }, T0);
		expect(blocked).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 60 });
		expect(throttle.checkSignIn(db, { email: 'z@exemple.fr', ip }, T0)).toEqual({
			allowed: false,
			scope: 'ip',
			retryAfterSeconds: 60
		});
		// Another address is not affected; the bucket refills with time.
		expect(
			throttle.checkSignIn(db, { email: 'z@exemple.fr', ip: '198.51.100.1' }, T0).allowed
		).toBe(true);
		expect(throttle.checkSignIn(db, { email: 'z@exemple.fr', ip }, at(MINUTE)).allowed).toBe(true);
	});

	it('counts IPv6 per /64 and IPv4-mapped addresses as IPv4', () => {
		expect(throttle.ipKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(throttle.ipKey('2001:DB8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
		expect(throttle.ipKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(throttle.ipKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
		expect(throttle.ipKey('192.0.2.1')).toBe('192.0.2.1');
		throttle.configureThrottle({ ipCapacity: 1 });
		expect(throttle.checkSignIn(db, { email: 'a@b.fr', ip: '2001:db8:1:2::1' }, T0).allowed).toBe(
			true
		);
		expect(throttle.checkSignIn(db, { email: 'a@b.fr', ip: '2001:db8:1:2::2' }, T0)).toMatchObject({
			allowed: false,
			scope: 'ip'
		});
	});
});

describe('at most 20 failures per account in any rolling hour', () => {
	/**
	 * An attacker retrying every 10 s for 3 hours; the real user signs in as soon as allowed from
	 * each of the given times (trying before the attacker in that tick). Returns the times of the
	 * counted failures and the number of successful sign-ins.
	 */
	function attack(email: string, userSignInsFrom: number[] = []) {
		const failures: number[] = [];
		const pending = [...userSignInsFrom];
		let successes = 0;
		for (let t = 0; t <= 3 * 60 * MINUTE; t += 10_000) {
			const now = at(t);
			const due = pending[0];
			if (due !== undefined && t >= due) {
				// as signIn does it: counted first, taken back on success
				if (throttle.checkSignIn(db, { email, ip: 'user' }, now).allowed) {
					throttle.recordFailure(db, { email }, now);
					throttle.recordSuccess(db, { email }, now);
					pending.shift();
					successes++;
				}
			}
			if (throttle.checkSignIn(db, { email, ip: 'attacker' }, now).allowed) {
				throttle.recordFailure(db, { email }, now);
				failures.push(t);
			}
		}
		return { failures, successes };
	}

	function maxInAnyHour(times: number[]): number {
		let max = 0;
		for (const start of times) {
			max = Math.max(max, times.filter((t) => t >= start && t < start + 60 * MINUTE).length);
		}
		return max;
	}

	beforeEach(() => throttle.configureThrottle({ ipCapacity: 1e9 }));

	it('holds with the default back-off', () => {
		const { failures } = attack('cible@exemple.fr');
		expect(failures.length).toBeGreaterThan(10);
		expect(maxInAnyHour(failures)).toBeLessThanOrEqual(20);
		// 5 free tries (one per 10 s tick), then locks of 1, 2, 4, 8, then 15 minutes
		const gaps = failures.slice(1, 12).map((t, i) => (t - (failures[i] ?? 0)) / 1000);
		expect(gaps).toEqual([10, 10, 10, 10, 60, 120, 240, 480, 900, 900, 900]);
	});

	it('holds when the real user signs in between (the streak restarts, the hour does not)', () => {
		const { failures, successes } = attack(
			'cible@exemple.fr',
			[10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120].map((m) => m * MINUTE)
		);
		expect(successes).toBe(12);
		// Each success gives the attacker a fresh streak: without the hourly bucket they would
		// get 9 failures every 10 minutes; with it, the hour stays at the cap.
		expect(maxInAnyHour(failures)).toBeLessThanOrEqual(20);
		expect(maxInAnyHour(failures)).toBeGreaterThanOrEqual(19);
	});

	it('holds by itself when the back-off is switched off', () => {
		throttle.configureThrottle({ ipCapacity: 1e9, freeFailures: 1_000_000 });
		const { failures } = attack('cible@exemple.fr');
		expect(maxInAnyHour(failures)).toBeLessThanOrEqual(20);
		expect(maxInAnyHour(failures)).toBeGreaterThanOrEqual(19);
		// and the hourly cap answers with the time until a failure leaks out
		const gate = throttle.checkSignIn(
			db,
			{ email: 'cible@exemple.fr', ip: 'x' },
			at(3 * 60 * MINUTE)
		);
		expect(gate).toMatchObject({ allowed: false, scope: 'account' });
	});

	it('prunes rows that hold nothing back any more', () => {
		throttle.recordFailure(db, { email: 'a@exemple.fr' }, T0);
		throttle.recordFailure(db, { email: 'b@exemple.fr' }, at(50 * MINUTE));
		expect(db.select().from(signInThrottle).all()).toHaveLength(4);
		expect(throttle.pruneThrottle(db, at(61 * MINUTE))).toBe(2);
		expect(
			db
				.select({ key: signInThrottle.key })
				.from(signInThrottle)
				.all()
				.map((r) => r.key)
				.sort()
		).toEqual(['account-hour:b@exemple.fr', 'account:b@exemple.fr']);
	});
});

describe('rehash', () => {
	it('upgrades a hash made with older parameters at the next sign-in', async () => {
		const old = await argon2Hash(GOOD_PASSWORD, {
			memoryCost: 8192,
			timeCost: 1,
			parallelism: 1,
			algorithm: 2
		});
		expect(password.needsRehash(old)).toBe(true);
		db.insert(accounts)
			.values({ id: 'acc-old', email: 'old@exemple.fr', passwordHash: old, displayName: 'Old' })
			.run();
		const r = await signIn(
			db,
			{ email: 'old@exemple.fr', password: GOOD_PASSWORD, ip: '192.0.2.9' },
			T0
		);
		expect(r.ok).toBe(true);
		const row = db.select().from(accounts).where(eq(accounts.id, 'acc-old')).get();
		expect(password.needsRehash(row!.passwordHash)).toBe(false);
		expect(await password.verifyPassword(row!.passwordHash, GOOD_PASSWORD)).toBe(true);
	});
});
