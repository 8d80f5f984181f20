/**
 * API keys of professional organisations: 32 random bytes, shown once, stored as SHA-256 only.
 * The fixed demo keys of domain.md (`demo-ch`, …) are stored and verified the same way, and only
 * created in demo mode. scripts/pro-key.mjs creates keys with the same format and hashing.
 */
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { and, eq, isNull } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db';
import { apiKeys, organisations, type Organisation } from '../db/schema';
import { newId } from '../ids';
import { demoOrganisations } from '../demo/personas';

export const KEY_PREFIX = 'rls_';

export function hashKey(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What an operator sees of a key: its first characters. */
export function displayPrefix(key: string): string {
	return key.slice(0, Math.min(key.length, KEY_PREFIX.length + 6));
}

/** Creates a random key for the organisation; the key is returned once and never stored. */
export function createKey(
	db: Db,
	organisationId: string,
	now = new Date()
): { id: string; key: string } {
	const key = KEY_PREFIX + encodeBase64urlNoPadding(randomBytes(32));
	const id = newId();
	db.insert(apiKeys)
		.values({
			id,
			organisationId,
			keyHash: hashKey(key),
			prefix: displayPrefix(key),
			createdAt: now
		})
		.run();
	return { id, key };
}

/** How often `last_used_at` is written (not on every request). */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The organisation a key belongs to, when the key exists and is not revoked. */
export function verifyKey(db: Db, key: string, now = new Date()): Organisation | null {
	if (key.length < 4 || key.length > 200) return null;
	const row = db
		.select({ key: apiKeys, organisation: organisations })
		.from(apiKeys)
		.innerJoin(organisations, eq(apiKeys.organisationId, organisations.id))
		.where(and(eq(apiKeys.keyHash, hashKey(key)), isNull(apiKeys.revokedAt)))
		.get();
	if (!row) return null;
	const last = row.key.lastUsedAt?.getTime() ?? 0;
	if (now.getTime() - last >= LAST_USED_RESOLUTION_MS) {
		db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.key.id)).run();
	}
	return row.organisation;
}

export function revokeKey(db: Db, keyId: string, now = new Date()): boolean {
	const result = db
		.update(apiKeys)
		.set({ revokedAt: now })
		.where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
		.run();
	return result.changes > 0;
}

export function listKeys(db: Db, organisationId: string) {
	return db
		.select({
			id: apiKeys.id,
			prefix: apiKeys.prefix,
			createdAt: apiKeys.createdAt,
			lastUsedAt: apiKeys.lastUsedAt,
			revokedAt: apiKeys.revokedAt
		})
		.from(apiKeys)
		.where(eq(apiKeys.organisationId, organisationId))
		.all();
}

/** Apostrophes differ between sources (' and ’): names are compared without them mattering. */
function sameName(a: string, b: string): boolean {
	const norm = (s: string) => s.normalize('NFC').replace(/[’']/g, "'").trim().toLowerCase();
	return norm(a) === norm(b);
}

/**
 * Creates the fixed demo keys of domain.md's organisations when missing (the organisations themselves come from the
 * demo seed; they are matched by name). Call only in demo mode. Returns how many keys it created.
 */
export function seedDemoKeys(db: Db): number {
	const orgs = db.select().from(organisations).all();
	let created = 0;
	for (const demo of demoOrganisations) {
		const org = orgs.find((o) => sameName(o.name, demo.name));
		if (!org) continue;
		const hash = hashKey(demo.apiKey);
		const existing = db
			.select({ id: apiKeys.id })
			.from(apiKeys)
			.where(eq(apiKeys.keyHash, hash))
			.get();
		if (existing) continue;
		db.insert(apiKeys)
			.values({ id: newId(), organisationId: org.id, keyHash: hash, prefix: demo.key })
			.run();
		created++;
	}
	return created;
}
