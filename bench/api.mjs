#!/usr/bin/env node
// Pushes per second through the professional API, against the BUILT server (run `npm run build`
// first). Starts `node build` on a fresh data directory in demo mode, pinned to CPU 0 when taskset
// exists, and loads it from this process (pin it elsewhere: `taskset -c 1 node bench/api.mjs`).
// Two workloads: JSON pushes of 200 KB PDFs, and the 448 KB CDA N1 ANS example (each push a new
// document: a new CDA id and different PDF bytes, so nothing is deduplicated). Each workload runs
// ROUNDS rounds of SECONDS seconds at CONCURRENCY connections; prints medians.
// Env: BENCH_PORT (4399), BENCH_SECONDS (8), BENCH_ROUNDS (3), BENCH_CONCURRENCY (8).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PORT = Number(process.env.BENCH_PORT ?? 4399);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const MAX_REQUESTS_PER_ROUND = 20_000;
const BASE = `http://127.0.0.1:${PORT}`;
const N1 = path.resolve('../shared/fixtures/cda/DOC_NON_STRUCTURE_CDA-R2-N1.xml');

const DOMINIQUE = {
	ins: { matricule: '279035121518989', oid: '1.2.250.1.213.1.4.10' },
	traits: {
		birthName: 'PAT-TROIS',
		firstGivenName: 'DOMINIQUE',
		givenNames: 'DOMINIQUE MARIE-LOUISE',
		sex: 'F',
		birthDate: '1979-03-28',
		birthPlace: '51215'
	}
};

/** A minimal valid one-page PDF padded to `size` bytes; `n` makes each one different. */
function pdf(size, n) {
	const objects = (stream) => [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
		`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}endstream`
	];
	const build = (stream) => {
		let out = '%PDF-1.4\n';
		const offsets = [];
		objects(stream).forEach((body, i) => {
			offsets.push(Buffer.byteLength(out));
			out += `${i + 1} 0 obj\n${body}\nendobj\n`;
		});
		const xref = Buffer.byteLength(out);
		out += `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
		for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
		return (
			out + `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
		);
	};
	const head = `% bench document ${n}\n`;
	const base = build(head).length;
	return Buffer.from(build(head + '%'.repeat(Math.max(0, size - base - 1)) + '\n'), 'latin1');
}

const n1 = fs.readFileSync(N1, 'utf8');
const n1Pdf = Buffer.from(
	/representation="B64">([^<]*)</.exec(n1)[1].replace(/\s+/g, ''),
	'base64'
);

const workloads = {
	'JSON push, 200 KB PDF': (n) => ({
		type: 'application/json',
		body: JSON.stringify({
			person: DOMINIQUE,
			document: {
				typeCode: '57833-6',
				title: `Ordonnance ${n}`,
				authoredAt: new Date().toISOString()
			},
			file: { mediaType: 'application/pdf', content: pdf(200 * 1024, n).toString('base64') }
		})
	}),
	'CDA N1, 448 KB (ANS example)': (n) => ({
		type: 'application/hl7-cda+xml',
		body: n1
			.replace(
				'<id root="1.3.6.1.4.1.19376.1.2.20.12345.1.1"/>',
				`<id root="1.2.250.1.999.${process.pid}.${n}"/>`
			)
			.replace(
				'<setId root="1.3.6.1.4.1.19376.1.2.20.12345.1"/>',
				`<setId root="1.2.250.1.999.${process.pid}.${n}.0"/>`
			)
			.replace(
				/(representation="B64">)[^<]*/,
				`$1${Buffer.concat([n1Pdf, Buffer.from(`% bench ${n}\n`)]).toString('base64')}`
			)
	})
};

function median(values) {
	const s = [...values].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function percentile(values, p) {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

let counter = 0;
async function round(make) {
	const latencies = [];
	let errors = 0;
	const deadline = performance.now() + SECONDS * 1000;
	const started = performance.now();
	let sent = 0;
	async function worker() {
		while (performance.now() < deadline && sent < MAX_REQUESTS_PER_ROUND) {
			sent++;
			const { type, body } = make(++counter);
			const t = performance.now();
			const response = await fetch(`${BASE}/api/v1/documents`, {
				method: 'POST',
				headers: { Authorization: 'Bearer demo-ch', 'Content-Type': type },
				body
			});
			await response.arrayBuffer();
			if (response.status === 201) latencies.push(performance.now() - t);
			else errors++;
		}
	}
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	const elapsed = (performance.now() - started) / 1000;
	return { rate: latencies.length / elapsed, latencies, errors };
}

async function waitForServer() {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${BASE}/api/v1/openapi.json`)).ok) return;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('the server did not start');
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-'));
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const env = {
	...process.env,
	PORT: String(PORT),
	HOST: '127.0.0.1',
	DATA_DIR: dataDir,
	DEMO: '1',
	BODY_SIZE_LIMIT: '30M'
};
const server = hasTaskset
	? spawn('taskset', ['-c', '0', 'node', 'build'], { env, stdio: 'ignore' })
	: spawn('node', ['build'], { env, stdio: 'ignore' });
try {
	await waitForServer();
	console.log(
		`Professional API pushes — ${CONCURRENCY} connections, ${ROUNDS} × ${SECONDS} s per workload` +
			(hasTaskset ? ', server on CPU 0' : '') +
			` (node ${process.version}, ${os.cpus().length} CPUs)\n`
	);
	for (const [name, make] of Object.entries(workloads)) {
		await round(make).catch(() => undefined); // warm-up, not counted
		const rounds = [];
		for (let i = 0; i < ROUNDS; i++) rounds.push(await round(make));
		const all = rounds.flatMap((r) => r.latencies);
		const errors = rounds.reduce((n, r) => n + r.errors, 0);
		console.log(
			`${name.padEnd(32)} median ${median(rounds.map((r) => r.rate))
				.toFixed(1)
				.padStart(7)} pushes/s` +
				`  (rounds: ${rounds.map((r) => r.rate.toFixed(1)).join(', ')})` +
				`  latency p50 ${percentile(all, 50).toFixed(1)} ms, p97.5 ${percentile(all, 97.5).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms` +
				(errors ? `  ERRORS ${errors}` : '')
		);
	}
} finally {
	const exited = new Promise((resolve) => server.once('exit', resolve));
	server.kill('SIGTERM');
	await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
	fs.rmSync(dataDir, { recursive: true, force: true });
}
