/**
 * Runs last (files run in name order, one worker): everything the server logged during the whole
 * suite holds no INS, no name of a person, no document title, no password and no session token.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, readDb } from './support';

test('the server log carries no INS, name, title, password or token', () => {
	const file = path.resolve(process.env.DATA_DIR ?? '.tmp/e2e-data', '..', 'e2e-server.log');
	const text = fs.readFileSync(file, 'utf8');
	expect(text.length).toBeGreaterThan(1000);
	// The demo password is printed once at start-up in demo mode, by design (domain.md).
	const withoutBanner = text.replace(`password "${DEMO_PASSWORD}"`, '');
	const db = readDb();
	const persons = db
		.prepare('select ins_matricule as ins, birth_name as name from persons')
		.all() as { ins: string; name: string }[];
	const titles = db.prepare('select title from documents').all() as { title: string }[];
	const tokens = db.prepare('select id from sessions').all() as { id: string }[];
	db.close();
	const forbidden = [
		DEMO_PASSWORD,
		...persons.flatMap((p) => [p.ins, p.name]),
		...titles.map((t) => t.title),
		...tokens.map((t) => t.id)
	].filter((s) => s && s.length >= 4);
	expect(forbidden.length).toBeGreaterThan(50);
	const found = forbidden.filter((s) => withoutBanner.includes(s));
	expect(found).toEqual([]);
});
