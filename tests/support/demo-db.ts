/**
 * A real SQLite file for unit tests: a fresh temporary DATA_DIR (database and document store),
 * the real migrations, and the demo personas of domain.md loaded through the real seed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { open, type Db } from '../../src/lib/server/db';
import { accounts, persons } from '../../src/lib/server/db/schema';
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

/** The id of the demo person with this INS matricule. */
export function personIdByIns(db: Db, ins: string): string {
	const person = db.select().from(persons).where(eq(persons.insMatricule, ins)).get();
	if (!person) throw new Error(`no person with INS ${ins}`);
	return person.id;
}

/** The id of the demo account with this email. */
export function accountIdByEmail(db: Db, email: string): string {
	const account = db.select().from(accounts).where(eq(accounts.email, email)).get();
	if (!account) throw new Error(`no account ${email}`);
	return account.id;
}
