import path from 'node:path';

function positiveInteger(value: string | undefined): number | undefined {
	const n = Number(value);
	return value && Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined;
}

let current: Config | undefined;

/**
 * The server's settings, read from the environment in this one place (architecture convention 1).
 * Read on first use, so tests and scripts can set the environment before; then kept (hooks read
 * it on every request). A test that changes the environment afterwards calls `reloadConfig()`.
 */
export function config(): Config {
	return (current ??= Object.freeze(read(process.env)));
}

/** Reads the environment again on the next `config()` (tests that change it). */
export function reloadConfig(): void {
	current = undefined;
}

function read(env: NodeJS.ProcessEnv) {
	const dataDir = path.resolve(env.DATA_DIR ?? 'data');
	return {
		dataDir,
		databasePath: path.resolve(env.DATABASE_PATH ?? path.join(dataDir, 'relais.db')),
		storageDir: path.join(dataDir, 'documents'),
		keyFile: path.join(dataDir, 'storage.key'),
		/** Base64 or hex 32-byte key; when absent a key file is created under data/. */
		storageKey: env.STORAGE_KEY,
		migrationsDir: path.resolve(env.MIGRATIONS_DIR ?? 'drizzle'),
		/** Demo mode: on unless DEMO=0. */
		demo: env.DEMO !== '0' && env.DEMO !== 'false',
		/** Experimental caregiver access (domain rule 6): off unless enabled; on in demo mode. */
		caregiverAccess:
			env.CAREGIVER_ACCESS === '1' ||
			(env.CAREGIVER_ACCESS !== '0' && env.DEMO !== '0' && env.DEMO !== 'false'),
		/** Sign-in attempts one IP may make per 5 minutes (default 30; raised for the e2e suite). */
		signInIpCapacity: env.SIGNIN_IP_CAPACITY ? Number(env.SIGNIN_IP_CAPACITY) : undefined,
		/** Professional API: accept INS under the test/demo OIDs (.4.10, .4.11); on in demo mode. */
		apiAcceptTestIns:
			env.API_ACCEPT_TEST_INS === '1' ||
			(env.API_ACCEPT_TEST_INS !== '0' && env.DEMO !== '0' && env.DEMO !== 'false'),
		/** Professional API: largest document accepted (default 20 MiB, quality.md). */
		apiMaxFileBytes: positiveInteger(env.API_MAX_FILE_BYTES) ?? 20 * 1024 * 1024,
		/** A Server-Timing header on every response (benchmarks; off by default: timing leaks). */
		serverTiming: env.SERVER_TIMING === '1',
		/** One log line per page request (route id, status, time). */
		logRequests: env.LOG_REQUESTS === '1',
		/** Public origin (https://…) when behind a proxy; else the Host header is trusted. */
		origin: env.ORIGIN,
		/**
		 * Base URL of the links in emails: ORIGIN, else this server on localhost (PORT, as
		 * adapter-node reads it).
		 */
		publicUrl: (env.ORIGIN || `http://localhost:${env.PORT || '3000'}`).replace(/\/+$/, ''),
		/**
		 * SMTP server for outgoing emails (smtp://user:pass@host:587, smtps://…). Unset: emails stay
		 * in the local outbox (table email_outbox). Never logged: it may hold a password.
		 */
		smtpUrl: env.SMTP_URL || undefined,
		/** Sender of outgoing emails. */
		mailFrom: env.MAIL_FROM || 'Relais <ne-pas-repondre@relais.localhost>',
		/** Secure cookies unless explicitly served over plain HTTP in development. */
		production: env.NODE_ENV === 'production'
	};
}
export type Config = ReturnType<typeof read>;
