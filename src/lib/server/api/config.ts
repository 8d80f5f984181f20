import { config } from '../config';

const MiB = 1024 * 1024;

function bytes(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

/**
 * Settings of the professional API, from the environment (config.ts holds the server-wide ones).
 * - API_ACCEPT_TEST_INS=1|0: accept INS under the test/demo OIDs (.4.10, .4.11); on in demo mode.
 * - API_MAX_FILE_BYTES: largest document accepted (default 20 MiB, quality.md).
 * The largest request body follows from it (base64 in JSON or CDA adds a third, plus headers);
 * adapter-node's BODY_SIZE_LIMIT must be at least `maxBodyBytes` (see README: 30M).
 */
export function apiConfig() {
	const env = process.env;
	const maxFileBytes = bytes(env.API_MAX_FILE_BYTES, 20 * MiB);
	return {
		acceptTestIns:
			env.API_ACCEPT_TEST_INS === '1' || (env.API_ACCEPT_TEST_INS !== '0' && config().demo),
		demo: config().demo,
		maxFileBytes,
		/** JSON (base64), CDA XML (base64 inside) and XDM zip bodies. */
		maxBodyBytes: Math.ceil((maxFileBytes * 4) / 3) + 2 * MiB,
		/** A read-only request body (none expected). */
		maxIdempotencyKeyLength: 255
	};
}
export type ApiConfig = ReturnType<typeof apiConfig>;
