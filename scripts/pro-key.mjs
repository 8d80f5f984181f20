#!/usr/bin/env node
// Operator command: create a professional organisation (or find it by FINESS) and a new API key.
//   npm run pro:key -- --name "Centre hospitalier de Mâcon" --kind hospital --finess 710780958 [--mss secretariat@ch-macon.mssante.fr]
//   npm run pro:key -- --finess 710780958              (a new key for an existing organisation)
//   npm run pro:key -- --revoke rls_AbCdEf            (revoke keys by their displayed prefix)
// The key is printed once; only its SHA-256 is stored (same format and hashing as
// src/lib/server/api/keys.ts). Uses DATABASE_PATH, else DATA_DIR/relais.db, else data/relais.db,
// and applies the migrations first, like the server.
import { encodeBase32LowerCaseNoPadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const KINDS = [
	'hospital',
	'gp',
	'pharmacy',
	'nurse',
	'lab',
	'ehpad',
	'dime',
	'camsp',
	'esat',
	'mdph',
	'other_esms',
	'other'
];

function fail(message) {
	console.error(`pro:key: ${message}`);
	process.exit(1);
}

let args;
try {
	args = parseArgs({
		options: {
			name: { type: 'string' },
			kind: { type: 'string' },
			finess: { type: 'string' },
			mss: { type: 'string' },
			revoke: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	}).values;
} catch (e) {
	fail(e.message);
}
if (args.help || Object.keys(args).length === 0) {
	console.log(
		'Usage: npm run pro:key -- --name "…" --kind hospital|gp|pharmacy|nurse|lab|ehpad|dime|camsp|esat|mdph|other_esms|other --finess 123456789 [--mss adresse@domaine.mssante.fr]\n' +
			'       npm run pro:key -- --finess 123456789     (new key for an existing organisation)\n' +
			'       npm run pro:key -- --revoke <prefix>     (revoke keys by their displayed prefix)'
	);
	process.exit(args.help ? 0 : 1);
}

const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
const file = path.resolve(process.env.DATABASE_PATH ?? path.join(dataDir, 'relais.db'));
fs.mkdirSync(path.dirname(file), { recursive: true });
const sqlite = new Database(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');
migrate(drizzle(sqlite), {
	migrationsFolder: path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle')
});

const newId = () => encodeBase32LowerCaseNoPadding(randomBytes(15));
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

if (args.revoke) {
	const result = sqlite
		.prepare('update api_keys set revoked_at = ? where prefix = ? and revoked_at is null')
		.run(Date.now(), args.revoke);
	console.log(`${result.changes} key(s) revoked.`);
	process.exit(result.changes > 0 ? 0 : 1);
}

if (args.finess !== undefined && !/^\d{9}$/.test(args.finess)) fail('--finess must be 9 digits');
if (args.mss !== undefined && !/^[^\s@]+@[^\s@]+\.mssante\.fr$/i.test(args.mss)) {
	fail('--mss must be an MSSanté address (…@….mssante.fr)');
}

let organisation = args.finess
	? sqlite.prepare('select id, name, kind from organisations where finess = ?').get(args.finess)
	: undefined;
if (!organisation) {
	if (!args.name || !args.name.trim()) fail('--name is required for a new organisation');
	if (!KINDS.includes(args.kind ?? '')) fail(`--kind must be one of: ${KINDS.join(', ')}`);
	organisation = { id: newId(), name: args.name.trim(), kind: args.kind };
	sqlite
		.prepare(
			'insert into organisations (id, name, kind, finess, mss_address, created_at) values (?, ?, ?, ?, ?, ?)'
		)
		.run(
			organisation.id,
			organisation.name,
			organisation.kind,
			args.finess ?? null,
			args.mss ?? null,
			Date.now()
		);
	console.log(
		`Organisation created: ${organisation.name} (${organisation.kind}), id ${organisation.id}`
	);
} else {
	console.log(
		`Organisation found: ${organisation.name} (${organisation.kind}), id ${organisation.id}`
	);
}

const key = 'rls_' + encodeBase64urlNoPadding(randomBytes(32));
const prefix = key.slice(0, 10);
sqlite
	.prepare(
		'insert into api_keys (id, organisation_id, key_hash, prefix, created_at) values (?, ?, ?, ?, ?)'
	)
	.run(newId(), organisation.id, sha256(key), prefix, Date.now());
sqlite.close();
console.log(
	`\nAPI key (shown once — give it to the organisation through a secure channel):\n\n  ${key}\n`
);
console.log(`Displayed as "${prefix}…"; revoke with: npm run pro:key -- --revoke ${prefix}`);
