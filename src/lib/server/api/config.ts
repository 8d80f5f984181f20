import { config } from '../config';

const MiB = 1024 * 1024;

/**
 * Settings of the professional API, derived from config.ts (which reads the environment):
 * - API_ACCEPT_TEST_INS=1|0: accept INS under the test/demo OIDs (.4.10, .4.11); on in demo mode.
 * - API_MAX_FILE_BYTES: largest document accepted (default 20 MiB, quality.md).
 * The largest request body follows from it (base64 in JSON or CDA adds a third, plus headers);
 * adapter-node's BODY_SIZE_LIMIT must be at least `maxBodyBytes` (see README: 30M).
 */
export function apiConfig() {
	const cfg = config();
	const maxFileBytes = cfg.apiMaxFileBytes;
	return {
		acceptTestIns: cfg.apiAcceptTestIns,
		demo: cfg.demo,
		maxFileBytes,
		/** JSON (base64), CDA XML (base64 inside) and XDM zip bodies. */
		maxBodyBytes: Math.ceil((maxFileBytes * 4) / 3) + 2 * MiB,
		/** Longest Idempotency-Key header accepted. */
		maxIdempotencyKeyLength: 255
	};
}
export type ApiConfig = ReturnType<typeof apiConfig>;
