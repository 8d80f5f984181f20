import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (creating if needed) and migrates a SQLite database with the pragmas of quality.md. */
export function open(file: string, migrationsDir = config().migrationsDir): Db {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder: migrationsDir });
	return db as Db;
}

let current: Db | undefined;

/** The server's one writing connection, opened on first use. */
export function db(): Db {
	current ??= open(config().databasePath);
	return current;
}

/** Replaces the process-wide connection (tests, scripts). */
export function use(database: Db): void {
	current = database;
}

export function close(): void {
	current?.$client.close();
	current = undefined;
}

const statements = new WeakMap<Db, Map<string, unknown>>();

/**
 * A prepared statement of this database, built once and reused: drizzle otherwise builds the SQL
 * and SQLite compiles it again on every call. For the queries every request runs (session, space,
 * grants); values go in as `sql.placeholder(…)`.
 */
export function prepared<T>(database: Db, key: string, build: (database: Db) => T): T {
	let cache = statements.get(database);
	if (!cache) {
		cache = new Map();
		statements.set(database, cache);
	}
	let statement = cache.get(key) as T | undefined;
	if (statement === undefined) {
		statement = build(database);
		cache.set(key, statement);
	}
	return statement;
}

export { schema };
