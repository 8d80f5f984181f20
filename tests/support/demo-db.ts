/**
 * A real SQLite file for unit tests: a fresh temporary DATA_DIR (database and document store),
 * the real migrations, and the demo personas of domain.md loaded through the real seed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open, type Db } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/demo/seed';
import * as search from '../../src/lib/server/documents/search';
import { reloadConfig } from '../../src/lib/server/config';

export type DemoDb = { dir: string; db: Db };

export function openDemoDb(name: string, now?: Date): DemoDb {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `relais-${name}-`));
	process.env.DATA_DIR = dir;
	process.env.DEMO = '1';
	reloadConfig();
	const db = open(path.join(dir, 'relais.db'));
	seedDemo(db, now);
	return { dir, db };
}

/** Lets the background text extraction finish, then closes and removes everything. */
export async function closeDemoDb({ dir, db }: DemoDb): Promise<void> {
	await search.idle();
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
}
