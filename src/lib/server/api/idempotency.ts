/**
 * `Idempotency-Key` (per organisation): a retried request with the same key and the same body gets
 * the first response back and stores nothing twice; the same key with another body is refused (422).
 * Only successful responses are kept, so a refused push leaves nothing behind. The lookup, the push
 * and the record run in one synchronous transaction: two concurrent retries cannot both store.
 */
import { and, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db } from '../db';
import { idempotencyRecords } from '../db/schema';
import { problem } from './problems';

export type StoredResponse = { status: number; body: unknown };

export function requestHash(parts: (string | Uint8Array)[]): string {
	const hash = createHash('sha256');
	for (const part of parts) {
		hash.update(typeof part === 'string' ? Buffer.from(part) : part);
		hash.update('\0');
	}
	return hash.digest('hex');
}

/** A well-formed key: 1 to 255 visible ASCII characters. */
export function checkKey(key: string | null): string | null {
	if (key === null) return null;
	if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
		throw problem(
			'invalid-request',
			'Idempotency-Key must be 1 to 255 visible ASCII characters.',
			'Idempotency-Key doit compter de 1 à 255 caractères ASCII visibles.'
		);
	}
	return key;
}

/**
 * Runs `fn` once per (organisation, key): replays the stored response of an identical earlier
 * request (`replayed: true`), refuses a different request under the same key.
 */
export function once(
	db: Db,
	organisationId: string,
	key: string | null,
	hash: string,
	fn: () => StoredResponse
): StoredResponse & { replayed: boolean } {
	if (!key) return { ...fn(), replayed: false };
	return db.transaction(() => {
		const prior = db
			.select()
			.from(idempotencyRecords)
			.where(
				and(eq(idempotencyRecords.organisationId, organisationId), eq(idempotencyRecords.key, key))
			)
			.get();
		if (prior) {
			if (prior.requestHash !== hash) throw problem('idempotency-conflict');
			return {
				status: prior.responseStatus,
				body: JSON.parse(prior.responseBody) as unknown,
				replayed: true
			};
		}
		const result = fn();
		if (result.status >= 200 && result.status < 300) {
			db.insert(idempotencyRecords)
				.values({
					organisationId,
					key,
					requestHash: hash,
					responseStatus: result.status,
					responseBody: JSON.stringify(result.body)
				})
				.run();
		}
		return { ...result, replayed: false };
	});
}
