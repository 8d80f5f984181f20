#!/usr/bin/env node
// The pages of a large profile (its home, the documents list, one category's list, a search),
// against the BUILT server (run `npm run build` first), side by side in one run with a bare page
// of the same build (/etat: the stack's ceiling).
//
// Builds a fresh database: 100,000 persons; one profile with 5,000 documents; and, so that the
// cost is shown to follow the profile and not the database, 20,000 other persons with 2 documents
// each, written with the same words. Rows go in directly (big transactions), with their FTS rows
// (body included: the body queue has nothing to do). The files are never read by these pages:
// every row names the same (absent) blob.
//
// Then starts `node build` pinned to CPU 0 (taskset, when present), this client on CPU 1, signs in
// as a holder whose argon2id hash is made here, and measures with autocannon, ROUNDS rounds of
// SECONDS seconds at CONNECTIONS connections per page, interleaved; prints medians.
// Env: BENCH_PORT (4398), BENCH_SECONDS (5), BENCH_ROUNDS (3), BENCH_CONNECTIONS (50),
// BENCH_DOCUMENTS (5000), BENCH_PERSONS (100000).
import { hashSync } from '@node-rs/argon2';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PORT = Number(process.env.BENCH_PORT ?? 4398);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 5000);
const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const OTHERS_WITH_DOCUMENTS = Math.min(20_000, PERSONS - 1);
const BASE = `http://127.0.0.1:${PORT}`;
const EMAIL = 'bench@relais.test';
const PASSWORD = `bench-${randomBytes(9).toString('base64url')}`;
const DAY = 24 * 3600 * 1000;

// ---- Data ----

/** A deterministic pseudo-random generator (same data every run). */
function rng(seed) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = rng(42);
const pick = (list) => list[Math.floor(random() * list.length)];
const id = () => randomBytes(15).toString('hex').slice(0, 24);

const types = [
	['57833-6', 'ordonnances', 'Ordonnance de produits de santé', 'Ordonnance'],
	[
		'PRESC-INF',
		'ordonnances',
		'Prescription de soins infirmiers',
		'Prescription de soins infirmiers'
	],
	['11502-2', 'biologie', 'Compte rendu d’examens biologiques', 'Résultats d’analyses'],
	['18748-4', 'imagerie', 'Compte rendu d’imagerie médicale', 'Compte rendu de radiologie'],
	['34112-3', 'comptes-rendus', 'Compte rendu d’hospitalisation', 'Compte rendu d’hospitalisation'],
	['11488-4', 'comptes-rendus', 'Compte rendu de consultation', 'Compte rendu de consultation'],
	['74207-2', 'dlu', 'Dossier de liaison d’urgence', 'DLU'],
	['80788-3', 'projet-personnalise', 'Projet personnalisé', 'Projet personnalisé'],
	['MDPH-NOTIF', 'mdph', 'Notification MDPH', 'Notification de décision MDPH'],
	['89601-9', 'certificats', 'Certificat médical', 'Certificat'],
	['87273-9', 'vaccination', 'Note de vaccination', 'Vaccination']
];
const subjects = [
	'soins de la plaie du talon',
	'bilan nutritionnel',
	'suivi du diabète',
	'rééducation du genou',
	'contrôle tensionnel',
	'radiographie du thorax',
	'bilan sanguin trimestriel',
	'renouvellement du traitement',
	'séjour en cardiologie',
	'consultation de neurologie',
	'kinésithérapie à domicile',
	'chute à domicile'
];
const words = (
	'patient patiente pansement hydrocellulaire compresses sérum physiologique plaie talon escarre ' +
	'infirmière domicile traitement posologie comprimé matin soir douleur paracétamol glycémie ' +
	'hémoglobine albumine créatinine tension artérielle cardiologie radiographie thorax genou ' +
	'rééducation kinésithérapeute séances semaine contrôle rendez-vous médecin traitant surveillance ' +
	'alimentation hydratation fatigue sommeil vaccin rappel grippe insuline injection bandage ' +
	'prélèvement résultat normal élevé diminué consultation hospitalisation sortie retour conseils'
).split(' ');
const authors = Array.from(
	{ length: 40 },
	(_, i) =>
		`Dr Auteur${i + 1} ${pick(['Martin', 'Bernard', 'Durand', 'Petit', 'Robert', 'Richard', 'Moreau'])}`
);

function body() {
	const n = 80 + Math.floor(random() * 120);
	const out = [];
	for (let i = 0; i < n; i++) out.push(pick(words));
	return out.join(' ');
}

function build(dataDir) {
	const started = performance.now();
	const sqlite = new Database(path.join(dataDir, 'relais.db'));
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = OFF'); // building only; the server opens it with its own pragmas
	sqlite.pragma('foreign_keys = ON');
	migrate(drizzle(sqlite), { migrationsFolder: path.resolve('drizzle') });

	const now = Date.now();
	const insertPerson = sqlite.prepare(
		`insert into persons (id, birth_name, first_given_name, given_names, used_given_name, sex, birth_date, birth_place, created_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertOrg = sqlite.prepare(
		'insert into organisations (id, name, kind, finess) values (?, ?, ?, ?)'
	);
	const insertDoc = sqlite.prepare(
		`insert into documents (id, person_id, type_code, type_system, type_display, category, title, author_name,
		   organisation_id, authored_at, received_at, source, set_id, version, blob_ref, size, sha256, media_type, file_name, first_opened_at, created_at)
		 values (?, ?, ?, '2.16.840.1.113883.6.1', ?, ?, ?, ?, ?, ?, ?, 'professional', ?, 1, ?, 1024, ?, 'application/pdf', ?, ?, ?)`
	);
	const insertFts = sqlite.prepare(
		`insert into documents_fts (document_id, person_id, title, type, author, organisation, body)
		 values (?, ?, ?, ?, ?, ?, ?)`
	);
	const blob = 'a'.repeat(64);
	const orgs = Array.from({ length: 12 }, (_, i) => ({
		id: id(),
		name: `${pick(['Centre hospitalier', 'Laboratoire', 'Cabinet médical', 'Clinique'])} de la Ville ${i + 1}`
	}));
	const personIds = [];
	sqlite.transaction(() => {
		orgs.forEach((o, i) =>
			insertOrg.run(o.id, o.name, 'hospital', `99${String(i).padStart(7, '0')}`)
		);
		for (let i = 0; i < PERSONS; i++) {
			const pid = id();
			personIds.push(pid);
			const year = 1930 + Math.floor(random() * 80);
			insertPerson.run(
				pid,
				`NOM${i}`,
				'Prénom',
				'Prénom',
				'Prénom',
				i % 2 ? 'F' : 'M',
				`${year}-0${1 + (i % 9)}-1${i % 9}`,
				'75056',
				now - 400 * DAY
			);
		}
	})();
	const addDocs = (personId, count) => {
		for (let i = 0; i < count; i++) {
			const [code, category, typeDisplay, titleStart] = pick(types);
			const title = `${titleStart} — ${pick(subjects)}`;
			const author = pick(authors);
			const org = pick(orgs);
			const authored = now - Math.floor(random() * 3650) * DAY - Math.floor(random() * DAY);
			const did = id();
			insertDoc.run(
				did,
				personId,
				code,
				typeDisplay,
				category,
				title,
				author,
				org.id,
				authored,
				authored + 3600_000,
				id(),
				blob,
				blob,
				`document-${did}.pdf`,
				authored + DAY,
				authored
			);
			insertFts.run(did, personId, title, typeDisplay, author, org.name, body());
		}
	};
	const profile = personIds[0];
	sqlite.transaction(() => addDocs(profile, DOCUMENTS))();
	const batch = 5000;
	for (let start = 1; start <= OTHERS_WITH_DOCUMENTS; start += batch) {
		sqlite.transaction(() => {
			for (let i = start; i < Math.min(start + batch, OTHERS_WITH_DOCUMENTS + 1); i++)
				addDocs(personIds[i], 2);
		})();
	}
	const accountId = id();
	const hash = hashSync(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
	sqlite
		.prepare(
			'insert into accounts (id, email, password_hash, person_id, display_name, created_at) values (?, ?, ?, ?, ?, ?)'
		)
		.run(accountId, EMAIL, hash, profile, 'Compte de mesure', now - 400 * DAY);
	sqlite
		.prepare(
			`insert into access_grants (id, account_id, person_id, basis, starts_at, created_at) values (?, ?, ?, 'self', ?, ?)`
		)
		.run(id(), accountId, profile, now - 400 * DAY, now - 400 * DAY);
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.exec('analyze');
	sqlite.close();
	return { profile, seconds: (performance.now() - started) / 1000 };
}

// ---- Server and load ----

async function waitForServer() {
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${BASE}/etat`)).ok) return;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('the server did not start');
}

async function signIn() {
	const response = await fetch(`${BASE}/connexion`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			Origin: BASE,
			Accept: 'text/html',
			'Content-Type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email: EMAIL, password: PASSWORD })
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find(Boolean);
	if (response.status !== 303 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
	return cookie;
}

/** Percentile of a list of numbers (nearest rank). */
function percentile(values, p) {
	const s = [...values].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

/**
 * One autocannon run; also collects each response's Server-Timing (the time the server spent on
 * the request, queueing excluded — the "server time" of quality.md).
 */
function run(url, headers) {
	const serverMs = [];
	return new Promise((resolve, reject) => {
		autocannon(
			{
				url,
				connections: CONNECTIONS,
				duration: SECONDS,
				headers,
				pipelining: 1,
				setupClient(client) {
					client.on('headers', ({ headers: raw }) => {
						for (let i = 0; i < raw.length; i += 2) {
							if (String(raw[i]).toLowerCase() !== 'server-timing') continue;
							const match = /dur=([\d.]+)/.exec(String(raw[i + 1]));
							if (match) serverMs.push(Number(match[1]));
						}
					});
				}
			},
			(err, result) =>
				err
					? reject(err)
					: resolve({
							...result,
							server: { p50: percentile(serverMs, 50), p975: percentile(serverMs, 97.5) }
						})
		);
	});
}

/** CPU time (user + system) a process has used, in ms; NaN where /proc is missing. */
function cpuMs(pid) {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) * (1000 / 100); // clock ticks (USER_HZ 100)
	} catch {
		return NaN;
	}
}

function median(values) {
	const s = [...values].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-docs-'));
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
if (hasTaskset && os.cpus().length > 1) {
	// This process (the load generator) on CPU 1, the server on CPU 0.
	spawnSync('taskset', ['-cp', '1', String(process.pid)]);
}
let server;
try {
	const built = build(dataDir);
	if (process.env.BENCH_BUILD_ONLY === '1') {
		// Keeps the database for a closer look (removed by hand).
		console.log(
			JSON.stringify({ dataDir, profile: built.profile, email: EMAIL, password: PASSWORD })
		);
		process.exit(0);
	}
	const env = {
		...process.env,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		DEMO: '0',
		LOG_REQUESTS: '0',
		SERVER_TIMING: '1'
	};
	server = hasTaskset
		? spawn('taskset', ['-c', '0', 'node', 'build'], {
				env,
				stdio: ['ignore', 'ignore', 'inherit']
			})
		: spawn('node', ['build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
	await waitForServer();
	const cookie = await signIn();
	const pages = {
		'bare page (/etat)': { url: `${BASE}/etat`, headers: {}, expect: 'État du service' },
		'profile home': {
			url: `${BASE}/p/${built.profile}`,
			headers: { cookie },
			expect: 'Votre espace santé'
		},
		'documents list': {
			url: `${BASE}/p/${built.profile}/documents`,
			headers: { cookie },
			expect: 'data-testid="documents-total"'
		},
		'one category, page 2': {
			url: `${BASE}/p/${built.profile}/documents?categorie=biologie&page=2`,
			headers: { cookie },
			expect: 'data-testid="documents-total"'
		},
		'search « pansement »': {
			url: `${BASE}/p/${built.profile}/documents?q=pansement`,
			headers: { cookie },
			expect: 'data-testid="documents-total"'
		}
	};
	for (const [name, page] of Object.entries(pages)) {
		const check = await fetch(page.url, { headers: page.headers, redirect: 'manual' });
		const html = await check.text();
		if (check.status !== 200) throw new Error(`${name}: status ${check.status}`);
		if (!html.includes(page.expect)) throw new Error(`${name}: not the expected page`);
		console.log(`${name.padEnd(24)} ${(html.length / 1024).toFixed(0)} KB of HTML`);
	}
	console.log(
		`\nDocuments: ${DOCUMENTS} in the profile, ${OTHERS_WITH_DOCUMENTS * 2} elsewhere, ${PERSONS} persons ` +
			`(built in ${built.seconds.toFixed(1)} s). ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per page, ` +
			(hasTaskset ? 'server on CPU 0, client on CPU 1' : 'no taskset: not pinned') +
			` (node ${process.version}, ${os.cpus().length} CPUs)\n`
	);
	// Warm-up (JIT, caches), not counted.
	for (const page of Object.values(pages)) {
		await new Promise((resolve) =>
			autocannon({ ...page, connections: 10, duration: 1 }, () => resolve())
		);
	}
	const results = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
	for (let r = 0; r < ROUNDS; r++) {
		for (const [name, page] of Object.entries(pages)) {
			const before = cpuMs(server.pid);
			const result = await run(page.url, page.headers);
			// The server's own CPU time per request: steadier than throughput on a shared machine.
			result.cpuUs = ((cpuMs(server.pid) - before) * 1000) / Math.max(1, result.requests.total);
			results[name].push(result);
		}
	}
	const summary = {};
	for (const [name, rounds] of Object.entries(results)) {
		const errors = rounds.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
		summary[name] = {
			rps: median(rounds.map((r) => r.requests.average)),
			p50: median(rounds.map((r) => r.latency.p50)),
			p90: median(rounds.map((r) => r.latency.p90)),
			p975: median(rounds.map((r) => r.latency.p97_5)),
			p99: median(rounds.map((r) => r.latency.p99)),
			cpuUs: median(rounds.map((r) => r.cpuUs)),
			serverP50: median(rounds.map((r) => r.server.p50)),
			serverP975: median(rounds.map((r) => r.server.p975)),
			errors
		};
	}
	const bare = summary['bare page (/etat)'].rps;
	console.log(
		`${'page'.padEnd(24)} ${'req/s'.padStart(8)} ${'p50'.padStart(6)} ${'p90'.padStart(6)} ${'p97.5'.padStart(6)} ${'p99'.padStart(6)}   vs bare   server p50 / p97.5   CPU/request (vs bare)`
	);
	const bareCpu = summary['bare page (/etat)'].cpuUs;
	for (const [name, s] of Object.entries(summary)) {
		console.log(
			`${name.padEnd(24)} ${s.rps.toFixed(0).padStart(8)} ${String(s.p50).padStart(6)} ${String(s.p90).padStart(6)} ${String(s.p975).padStart(6)} ${String(s.p99).padStart(6)}   ${((100 * s.rps) / bare).toFixed(0).padStart(4)} %   ${s.serverP50.toFixed(1).padStart(6)} / ${s.serverP975.toFixed(1).padEnd(6)}   ${s.cpuUs.toFixed(0).padStart(6)} µs (${((100 * bareCpu) / s.cpuUs).toFixed(0)} %)` +
				(s.errors ? `  ERRORS ${s.errors}` : '')
		);
	}
	const list = summary['documents list'];
	const ok = list.serverP975 <= 50 && list.rps >= bare / 2;
	console.log(
		`\n(latencies in ms, client side with queueing, then server time from Server-Timing, then the server's CPU time per request; medians of ${ROUNDS} rounds)\n` +
			`documents list: server time p97.5 ${list.serverP975.toFixed(1)} ms (bar ≤ 50; client-side p97.5 ${list.p975} ms), ` +
			`${((100 * list.rps) / bare).toFixed(0)} % of the bare page (bar ≥ 50 %) — ${ok ? 'meets the bars' : 'DOES NOT MEET THE BARS'}`
	);
	if (!ok) process.exitCode = 1;
} finally {
	if (server) {
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
	}
	fs.rmSync(dataDir, { recursive: true, force: true });
}
