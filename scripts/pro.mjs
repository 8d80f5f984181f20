#!/usr/bin/env node
// Simulated professional software: a thin client of the professional API (no import from src/).
//   npm run pro -- push FILE --key demo-ch [--url http://localhost:3000]
//       FILE .xml → a CDA R2 document (the INS and traits come from its header)
//       FILE .zip → an IHE_XDM.zip package
//       FILE .pdf/.jpg/.png → JSON push, naming the person:
//           --ins 279035121518989 [--oid 1.2.250.1.213.1.4.10] --birth-name PAT-TROIS
//           --first-given-name DOMINIQUE --given-names "DOMINIQUE MARIE-LOUISE" --sex F
//           --birth-date 1979-03-28 --birth-place 51215
//           --type-code 57833-6 --title "Ordonnance" [--date 2026-03-02T10:00:00+01:00] [--author "Dr …"]
//           [--hide] (MASQUE_PS) [--id <your document id>] [--replaces <id>] [--version N]
//       [--idempotency-key K] (one is generated otherwise; a network failure is retried once with it)
//   npm run pro -- list --ins 279035121518989 --key demo-ch [--all]
//   npm run pro -- get DOCUMENT_ID --key demo-ch [--out file]
// The key may also come from RELAIS_API_KEY, the URL from RELAIS_URL.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		key: { type: 'string' },
		url: { type: 'string' },
		ins: { type: 'string' },
		oid: { type: 'string' },
		'birth-name': { type: 'string' },
		'first-given-name': { type: 'string' },
		'given-names': { type: 'string' },
		sex: { type: 'string' },
		'birth-date': { type: 'string' },
		'birth-place': { type: 'string' },
		'type-code': { type: 'string' },
		title: { type: 'string' },
		date: { type: 'string' },
		author: { type: 'string' },
		id: { type: 'string' },
		replaces: { type: 'string' },
		version: { type: 'string' },
		hide: { type: 'boolean' },
		all: { type: 'boolean' },
		out: { type: 'string' },
		'idempotency-key': { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	}
});

const [command, target] = positionals;
const base = (opts.url ?? process.env.RELAIS_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const key = opts.key ?? process.env.RELAIS_API_KEY;

function usage(code) {
	const text = fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n');
	console.log(
		text
			.slice(
				1,
				text.findIndex((l) => l.startsWith('import'))
			)
			.map((l) => l.replace(/^\/\/ ?/, ''))
			.join('\n')
	);
	process.exit(code);
}
if (opts.help || !command) usage(command ? 0 : 1);
if (!key) {
	console.error('pro: --key (or RELAIS_API_KEY) is required');
	process.exit(1);
}
const authorization = { Authorization: `Bearer ${key}` };

async function send(url, init, retry = true) {
	try {
		return await fetch(url, init);
	} catch (e) {
		if (!retry) throw e;
		console.error(`pro: network error (${e.message}); retrying once with the same Idempotency-Key`);
		return send(url, init, false);
	}
}

async function report(response) {
	const type = response.headers.get('content-type') ?? '';
	const body = type.includes('json') ? await response.json() : await response.text();
	const replay = response.headers.get('idempotent-replayed') ? ' (replayed)' : '';
	console.log(`${response.status} ${response.statusText}${replay}`);
	console.log(typeof body === 'string' ? body : JSON.stringify(body, null, 2));
	process.exit(response.ok ? 0 : 2);
}

function jsonBody(file, bytes) {
	const ext = path.extname(file).toLowerCase();
	const mediaType = {
		'.pdf': 'application/pdf',
		'.jpg': 'image/jpeg',
		'.jpeg': 'image/jpeg',
		'.png': 'image/png'
	}[ext];
	if (!mediaType)
		throw new Error(`unsupported file type ${ext}: .xml (CDA), .zip (XDM), .pdf, .jpg, .png`);
	for (const required of ['ins', 'type-code', 'title']) {
		if (!opts[required]) throw new Error(`--${required} is required to push a ${ext} file`);
	}
	return {
		person: {
			ins: { matricule: opts.ins, oid: opts.oid ?? '1.2.250.1.213.1.4.8' },
			traits: {
				birthName: opts['birth-name'],
				firstGivenName: opts['first-given-name'],
				givenNames: opts['given-names'],
				sex: opts.sex,
				birthDate: opts['birth-date'],
				birthPlace: opts['birth-place']
			}
		},
		document: {
			typeCode: opts['type-code'],
			title: opts.title,
			authoredAt: opts.date ?? new Date().toISOString(),
			authorName: opts.author,
			id: opts.id,
			replaces: opts.replaces,
			version: opts.version ? Number(opts.version) : undefined,
			confidentiality: opts.hide ? ['MASQUE_PS'] : []
		},
		file: { mediaType, content: bytes.toString('base64') }
	};
}

try {
	if (command === 'push') {
		if (!target) throw new Error('push needs a FILE');
		const bytes = fs.readFileSync(target);
		const ext = path.extname(target).toLowerCase();
		const headers = {
			...authorization,
			'Idempotency-Key': opts['idempotency-key'] ?? randomUUID()
		};
		let body;
		if (ext === '.xml') {
			headers['Content-Type'] = 'application/hl7-cda+xml';
			body = bytes;
		} else if (ext === '.zip') {
			headers['Content-Type'] = 'application/zip';
			body = bytes;
		} else {
			headers['Content-Type'] = 'application/json';
			body = JSON.stringify(jsonBody(target, bytes));
		}
		await report(await send(`${base}/api/v1/documents`, { method: 'POST', headers, body }));
	} else if (command === 'list') {
		if (!opts.ins) throw new Error('list needs --ins');
		const query = new URLSearchParams();
		if (opts.oid) query.set('oid', opts.oid);
		if (opts.all) query.set('versions', 'all');
		const qs = query.size > 0 ? `?${query}` : '';
		await report(
			await send(`${base}/api/v1/persons/${encodeURIComponent(opts.ins)}/documents${qs}`, {
				headers: authorization
			})
		);
	} else if (command === 'get') {
		if (!target) throw new Error('get needs a DOCUMENT_ID');
		const id = encodeURIComponent(target);
		if (opts.out) {
			const response = await send(`${base}/api/v1/documents/${id}/content`, {
				headers: authorization
			});
			if (!response.ok) await report(response);
			fs.writeFileSync(opts.out, Buffer.from(await response.arrayBuffer()));
			console.log(`${response.status} ${response.headers.get('content-type')} → ${opts.out}`);
		} else {
			await report(await send(`${base}/api/v1/documents/${id}`, { headers: authorization }));
		}
	} else {
		usage(1);
	}
} catch (e) {
	console.error(`pro: ${e.message}`);
	process.exit(1);
}
