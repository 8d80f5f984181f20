import { and, eq, isNull, like, lte, or } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { RunResult } from 'better-sqlite3';
import type { Db, schema } from '../db';
import { signInThrottle } from '../db/schema';

/**
 * Failed sign-in throttling (quality.md, ASVS 2.2.1).
 *
 * Per account, in sign_in_throttle, keyed by the normalised email whether or not an account has it
 * (so the answers reveal nothing), two rows:
 * - `account:<email>`, the streak: `failures` in a row, `windowStart` = time of the last failure,
 *   `lockedUntil`. From the 5th failure in a row each failure locks the account for 1, 2, 4, 8 then
 *   15 minutes (the cap). A success, or an hour without failure, ends the streak.
 * - `account-hour:<email>`, a leaky bucket that makes "at most 20 failures in any hour" hold by
 *   construction, whatever the streak did (a success in between, other settings): `failures` = level,
 *   `windowStart` = leak reference. It holds 10 and leaks one every 6 minutes; in any hour at most
 *   10 (the bucket) + 10 (the leaks) = 20 failures get through.
 *
 * Per IP, in memory: a token bucket of 30 sign-in attempts refilled over 5 minutes (IPv6 counted
 * per /64). The caller answers 429.
 */
export interface ThrottleLimits {
	/** Failures in a row before the first lock. */
	freeFailures: number;
	firstLockMs: number;
	maxLockMs: number;
	/** A streak is forgotten after this long without failure. */
	streakResetMs: number;
	/** Failures per account in any rolling hour (at least 2). */
	maxFailuresPerHour: number;
	/** Sign-in attempts an IP may make at once… */
	ipCapacity: number;
	/** …and the time the bucket takes to refill completely. */
	ipRefillMs: number;
	/** In-memory IP buckets kept at most (older ones are dropped first). */
	ipMaxEntries: number;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

export const DEFAULT_LIMITS: Readonly<ThrottleLimits> = Object.freeze({
	freeFailures: 5,
	firstLockMs: MINUTE,
	maxLockMs: 15 * MINUTE,
	streakResetMs: HOUR,
	maxFailuresPerHour: 20,
	ipCapacity: 30,
	ipRefillMs: 5 * MINUTE,
	ipMaxEntries: 100_000
});

let limits: ThrottleLimits = { ...DEFAULT_LIMITS };

/** Replaces the limits (tests); without argument, back to the defaults. */
export function configureThrottle(overrides: Partial<ThrottleLimits> = {}): void {
	const next = { ...DEFAULT_LIMITS, ...overrides };
	if (next.maxFailuresPerHour < 2) throw new Error('maxFailuresPerHour must be at least 2');
	limits = next;
}

export function throttleLimits(): Readonly<ThrottleLimits> {
	return limits;
}

export type SignInGate =
	{ allowed: true } | { allowed: false; retryAfterSeconds: number; scope: 'account' | 'ip' };

/** How sign-in compares emails: trimmed, lowercase, NFC. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase().normalize('NFC');
}

const streakKey = (email: string) => `account:${normaliseEmail(email)}`;
const hourKey = (email: string) => `account-hour:${normaliseEmail(email)}`;

function seconds(ms: number): number {
	return Math.max(1, Math.ceil(ms / 1000));
}

function lockDuration(failures: number): number {
	const n = failures - limits.freeFailures;
	if (n < 0) return 0;
	return Math.min(limits.firstLockMs * 2 ** Math.min(n, 30), limits.maxLockMs);
}

/* ---- per account: the hourly bucket ---- */

function hourBucket() {
	const capacity = Math.ceil(limits.maxFailuresPerHour / 2);
	const leakEveryMs = HOUR / (limits.maxFailuresPerHour - capacity);
	return { capacity, leakEveryMs };
}

/** The bucket's level and leak reference at `now`. */
function leak(row: { failures: number; windowStart: Date } | undefined, now: number) {
	if (!row) return { level: 0, ref: now };
	const { leakEveryMs } = hourBucket();
	const start = row.windowStart.getTime();
	const leaked = Math.floor(Math.max(0, now - start) / leakEveryMs);
	if (leaked >= row.failures) return { level: 0, ref: now };
	return { level: row.failures - leaked, ref: start + leaked * leakEveryMs };
}

/** The database or a transaction on it. */
type Executor = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

function getRow(db: Executor, key: string) {
	return db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
}

function putRow(db: Executor, row: typeof signInThrottle.$inferInsert): void {
	const { failures, windowStart, lockedUntil } = row;
	db.insert(signInThrottle)
		.values(row)
		.onConflictDoUpdate({ target: signInThrottle.key, set: { failures, windowStart, lockedUntil } })
		.run();
}

/** Whether the account may try now; reads only. */
function checkAccount(db: Db, email: string, now: number): SignInGate {
	const streak = getRow(db, streakKey(email));
	if (streak?.lockedUntil && streak.lockedUntil.getTime() > now) {
		return {
			allowed: false,
			scope: 'account',
			retryAfterSeconds: seconds(streak.lockedUntil.getTime() - now)
		};
	}
	const { capacity, leakEveryMs } = hourBucket();
	const { level, ref } = leak(getRow(db, hourKey(email)), now);
	if (level >= capacity) {
		return {
			allowed: false,
			scope: 'account',
			retryAfterSeconds: seconds(ref + leakEveryMs - now)
		};
	}
	return { allowed: true };
}

/* ---- per IP: in-memory token bucket ---- */

const ipBuckets = new Map<string, { tokens: number; at: number }>();

/** IPv4-mapped addresses as IPv4; IPv6 by /64 (one customer's network, not one address). */
export function ipKey(ip: string): string {
	const v = ip.trim().toLowerCase().replace(/%.*$/, '');
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(v);
	if (mapped?.[1]) return mapped[1];
	if (!v.includes(':')) return v;
	const [head = '', tail] = v.split('::', 2);
	const h = head ? head.split(':') : [];
	const t = tail ? tail.split(':') : [];
	const groups =
		tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
	const prefix = groups.slice(0, 4).map((g) => parseInt(g || '0', 16));
	if (prefix.length < 4 || prefix.some((n) => Number.isNaN(n))) return v;
	return `${prefix.map((n) => n.toString(16)).join(':')}::/64`;
}

function refill(bucket: { tokens: number; at: number }, now: number): number {
	const elapsed = Math.max(0, now - bucket.at);
	return Math.min(
		limits.ipCapacity,
		bucket.tokens + (elapsed * limits.ipCapacity) / limits.ipRefillMs
	);
}

function forgetIdleIps(now: number): void {
	for (const [key, bucket] of ipBuckets) {
		if (refill(bucket, now) >= limits.ipCapacity) ipBuckets.delete(key);
	}
	// Still too many: drop the least recently used (a Map iterates in insertion order, and every
	// use deletes and re-inserts its key).
	for (const key of ipBuckets.keys()) {
		if (ipBuckets.size < limits.ipMaxEntries) break;
		ipBuckets.delete(key);
	}
}

/** Takes one token from the IP's bucket. */
function takeIpToken(ip: string, now: number): SignInGate {
	const key = ipKey(ip);
	const existing = ipBuckets.get(key);
	if (!existing && ipBuckets.size >= limits.ipMaxEntries) forgetIdleIps(now);
	const tokens = existing ? refill(existing, now) : limits.ipCapacity;
	ipBuckets.delete(key);
	if (tokens < 1) {
		ipBuckets.set(key, { tokens, at: now });
		const msPerToken = limits.ipRefillMs / limits.ipCapacity;
		return { allowed: false, scope: 'ip', retryAfterSeconds: seconds((1 - tokens) * msPerToken) };
	}
	ipBuckets.set(key, { tokens: tokens - 1, at: now });
	return { allowed: true };
}

/** Forgets every IP bucket (tests). */
export function resetIpBuckets(): void {
	ipBuckets.clear();
}

/* ---- the API sign-in uses ---- */

/**
 * Called once per sign-in attempt, before anything else: takes one token from the IP's bucket,
 * then tells whether the account (existing or not) is locked. Reads the database only.
 */
export function checkSignIn(db: Db, attempt: { email: string; ip: string }, now: Date): SignInGate {
	const t = now.getTime();
	const ip = takeIpToken(attempt.ip, t);
	if (!ip.allowed) return ip;
	return checkAccount(db, attempt.email, t);
}

/**
 * Counts a failed attempt for the email (whether or not an account has it). signIn calls it
 * before verifying the password, in the same tick as checkSignIn, so that parallel requests cannot
 * all pass the check; a success then cancels it through recordSuccess.
 */
export function recordFailure(db: Db, attempt: { email: string; ip?: string }, now: Date): void {
	const t = now.getTime();
	db.transaction((tx) => {
		const streak = getRow(tx, streakKey(attempt.email));
		const fresh =
			!streak ||
			(t - streak.windowStart.getTime() >= limits.streakResetMs &&
				(!streak.lockedUntil || streak.lockedUntil.getTime() <= t));
		const failures = (fresh ? 0 : streak.failures) + 1;
		const lock = lockDuration(failures);
		putRow(tx, {
			key: streakKey(attempt.email),
			failures,
			windowStart: now,
			lockedUntil: lock > 0 ? new Date(t + lock) : null
		});
		const { level, ref } = leak(getRow(tx, hourKey(attempt.email)), t);
		putRow(tx, {
			key: hourKey(attempt.email),
			failures: level + 1,
			windowStart: new Date(ref),
			lockedUntil: null
		});
	});
}

/**
 * A successful sign-in: the streak ends, and the failure that signIn counted before verifying is
 * taken back from the hourly bucket (earlier failures stay counted there).
 */
export function recordSuccess(db: Db, attempt: { email: string }, now: Date): void {
	const t = now.getTime();
	db.transaction((tx) => {
		tx.delete(signInThrottle)
			.where(eq(signInThrottle.key, streakKey(attempt.email)))
			.run();
		const { level, ref } = leak(getRow(tx, hourKey(attempt.email)), t);
		if (level <= 1) {
			tx.delete(signInThrottle)
				.where(eq(signInThrottle.key, hourKey(attempt.email)))
				.run();
		} else {
			putRow(tx, {
				key: hourKey(attempt.email),
				failures: level - 1,
				windowStart: new Date(ref),
				lockedUntil: null
			});
		}
	});
}

/**
 * Deletes rows that no longer hold anything back (streaks over, buckets drained), so that emails
 * tried once do not pile up. Safe to call at any time, e.g. at start-up or hourly.
 */
export function pruneThrottle(db: Db, now: Date): number {
	const t = now.getTime();
	const { capacity, leakEveryMs } = hourBucket();
	return db
		.delete(signInThrottle)
		.where(
			or(
				and(
					like(signInThrottle.key, 'account:%'),
					lte(signInThrottle.windowStart, new Date(t - limits.streakResetMs)),
					or(isNull(signInThrottle.lockedUntil), lte(signInThrottle.lockedUntil, now))
				),
				and(
					like(signInThrottle.key, 'account-hour:%'),
					lte(signInThrottle.windowStart, new Date(t - capacity * leakEveryMs))
				)
			)
		)
		.run().changes;
}
