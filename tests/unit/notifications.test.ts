/**
 * Issue 4, items 6 and 7 against a real SQLite file with the demo data: who is emailed when a
 * professional's document arrives (the policy, account by account: the minor's secret, caregivers
 * within their delegation and only while caregiver access is on, the preference), coalescing, the
 * email's wording (no health content), delivery to a real SMTP server on loopback with retries,
 * and the "nouveau" mark and counts, which honour the policy's filter.
 */
import { and, eq, isNull } from 'drizzle-orm';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as policy from '../../src/lib/server/access/policy';
import { reachableProfiles } from '../../src/lib/server/access/spaces';
import { open, type Db } from '../../src/lib/server/db';
import {
	accessGrants,
	accounts,
	documents,
	emailOutbox,
	organisations,
	persons
} from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { ingest, type IngestInput } from '../../src/lib/server/documents/ingest';
import { countNew, listNew, markOpened } from '../../src/lib/server/documents/new';
import * as search from '../../src/lib/server/documents/search';
import { COALESCE_MS, notifyNewDocument } from '../../src/lib/server/notifications/new-document';
import * as outbox from '../../src/lib/server/notifications/outbox';
import { makePdf } from '../support/pdf';
import { startLoopbackSmtp } from '../support/smtp';
import { reloadConfig } from '../../src/lib/server/config';
import { accountIdByEmail, personIdByIns } from '../support/demo-db';

let dir: string;
let db: Db;
const now = new Date();
const savedEnv = { ...process.env };

const INS = {
	christiane: '243056912304535',
	elliot: '111093818511245',
	adrien: '116066311320181',
	irene: '238027306501056'
};

/** Words that must never appear in an email: they are all in the documents pushed below. */
const TITLE = 'Ordonnance — pansement hydrocolloïde talon gauche';
const TYPE_DISPLAY = 'Prescription de soins infirmiers';
const AUTHOR = 'Dr Hippolyte Vasseur-Lambrecht';

beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-notifications-'));
	process.env.DATA_DIR = dir;
	process.env.DEMO = '1';
	delete process.env.CAREGIVER_ACCESS;
	delete process.env.SMTP_URL;
	process.env.ORIGIN = 'https://relais.example';
	reloadConfig();
	db = open(path.join(dir, 'relais.db'));
	seedDemo(db, new Date(now.getTime() - 60 * 60_000));
});

afterAll(async () => {
	// Text extraction for the search index runs after each ingest: let it finish first.
	await search.idle();
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
	process.env = savedEnv;
	reloadConfig();
});

beforeEach(() => {
	// Each test starts from an empty outbox (the demo seed may have queued some).
	db.delete(emailOutbox).run();
	delete process.env.CAREGIVER_ACCESS;
	reloadConfig();
});

const personId = (ins: string) => personIdByIns(db, ins);
const accountId = (email: string) => accountIdByEmail(db, email);

function orgId(): string {
	return db.select().from(organisations).get()!.id;
}

let seq = 0;
/** A professional's document, stored as the API stores it, then announced. */
function push(
	ins: string,
	extra: Partial<IngestInput> = {},
	at = now
): { doc: ReturnType<typeof ingest>; queued: number } {
	seq++;
	const doc = ingest(db, {
		personId: personId(ins),
		typeCode: 'PRESC-INF',
		typeSystem: '1.2.250.1.213.1.1.4.12',
		typeDisplay: TYPE_DISPLAY,
		title: `${TITLE} ${seq}`,
		authorName: AUTHOR,
		organisationId: orgId(),
		authoredAt: at,
		receivedAt: at,
		source: 'professional',
		bytes: makePdf('test document'),
		mediaType: 'application/pdf',
		...extra
	});
	return { doc, queued: notifyNewDocument(db, doc, at) };
}

function emails() {
	return db.select().from(emailOutbox).orderBy(emailOutbox.id).all();
}

function recipients(): string[] {
	return emails()
		.map((e) => e.recipient)
		.sort();
}

describe('who is told of a new document', () => {
	it('tells no parent of a document under the minor’s secret', () => {
		const { queued } = push(INS.elliot, {
			typeCode: '11488-4',
			invisibleToLegalRepresentatives: true
		});
		expect(queued).toBe(0);
		expect(emails()).toEqual([]);
	});

	it('tells the parent of an ordinary document, and nobody else', () => {
		push(INS.elliot);
		expect(recipients()).toEqual(['parent-elliot@relais.test']);
	});

	it('tells both parents of Adrien once each', () => {
		push(INS.adrien);
		expect(recipients()).toEqual(['parent1-adrien@relais.test', 'parent2-adrien@relais.test']);
	});

	it('tells Christiane and her daughter while caregiver access is on', () => {
		push(INS.christiane);
		expect(recipients()).toEqual(['christiane@relais.test', 'fille-christiane@relais.test']);
	});

	it('does not tell the daughter when caregiver access is off', () => {
		process.env.CAREGIVER_ACCESS = '0';
		reloadConfig();
		push(INS.christiane);
		expect(recipients()).toEqual(['christiane@relais.test']);
	});

	it('does not tell the daughter once her access is revoked, nor outside her categories', () => {
		const grant = and(
			eq(accessGrants.accountId, accountId('fille-christiane@relais.test')),
			eq(accessGrants.personId, personId(INS.christiane))
		);
		try {
			db.update(accessGrants)
				.set({ categories: ['biologie'] })
				.where(grant)
				.run();
			push(INS.christiane);
			expect(recipients()).toEqual(['christiane@relais.test']);

			db.delete(emailOutbox).run();
			db.update(accessGrants)
				.set({ categories: [], revokedAt: new Date(now.getTime() - 1000) })
				.where(grant)
				.run();
			push(INS.christiane);
			expect(recipients()).toEqual(['christiane@relais.test']);
		} finally {
			db.update(accessGrants).set({ categories: [], revokedAt: null }).where(grant).run();
		}
	});

	it('tells nobody of a document not yet visible to the patient', () => {
		push(INS.christiane, { invisibleToPatient: true });
		expect(emails()).toEqual([]);
	});

	it('respects the preference of each account', () => {
		const id = accountId('christiane@relais.test');
		try {
			db.update(accounts).set({ notifyNewDocuments: false }).where(eq(accounts.id, id)).run();
			push(INS.christiane);
			expect(recipients()).toEqual(['fille-christiane@relais.test']);
		} finally {
			db.update(accounts).set({ notifyNewDocuments: true }).where(eq(accounts.id, id)).run();
		}
	});

	it('tells nobody of a document in a closed space', () => {
		const id = personId(INS.irene);
		try {
			db.update(persons).set({ spaceStatus: 'closed' }).where(eq(persons.id, id)).run();
			expect(push(INS.irene).queued).toBe(0);
			expect(emails()).toEqual([]);
		} finally {
			db.update(persons).set({ spaceStatus: 'active' }).where(eq(persons.id, id)).run();
		}
	});

	it('coalesces a burst into one email per account and space', () => {
		const t0 = new Date(now.getTime() + 24 * 3600_000);
		for (let i = 0; i < 10; i++) push(INS.adrien, {}, new Date(t0.getTime() + i * 60_000));
		push(INS.christiane, {}, new Date(t0.getTime() + 60_000));
		expect(recipients()).toEqual([
			'christiane@relais.test',
			'fille-christiane@relais.test',
			'parent1-adrien@relais.test',
			'parent2-adrien@relais.test'
		]);
		// Past the window, the next document is announced again.
		push(INS.adrien, {}, new Date(t0.getTime() + COALESCE_MS + 60_000));
		expect(emails().filter((e) => e.recipient === 'parent1-adrien@relais.test')).toHaveLength(2);
	});
});

describe('what the email says', () => {
	it('names the space and links to it, with no title, type, author or organisation', () => {
		const { doc } = push(INS.christiane);
		const org = db.select().from(organisations).where(eq(organisations.id, orgId())).get()!;
		const [own, daughter] = emails();
		expect(own!.recipient).toBe('christiane@relais.test');
		expect(own!.subject).toBe('Nouveau document dans votre espace santé');
		expect(own!.text).toContain('Un nouveau document est disponible dans votre espace santé.');
		expect(daughter!.subject).toBe("Nouveau document dans l'espace santé de Christiane");
		expect(daughter!.text).toContain(
			"Un nouveau document est disponible dans l'espace de Christiane."
		);
		for (const email of [own!, daughter!]) {
			expect(email.text).toContain(`https://relais.example/p/${doc.personId}`);
			const all = `${email.subject}\n${email.text}`.toLowerCase();
			for (const secret of [
				doc.title,
				'ordonnance',
				'pansement',
				TYPE_DISPLAY,
				'prescription',
				AUTHOR,
				'vasseur',
				org.name,
				doc.id,
				INS.christiane,
				'dubois'
			]) {
				expect(all, secret).not.toContain(secret.toLowerCase());
			}
		}
	});

	it('elides "de" before a vowel', () => {
		push(INS.elliot);
		expect(emails()[0]!.subject).toBe("Nouveau document dans l'espace santé d'Elliot");
	});
});

describe('delivery through SMTP', () => {
	let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>> | undefined;
	let sender: outbox.Sender | undefined;
	afterEach(async () => {
		sender?.stop();
		sender = undefined;
		await smtp?.close();
		smtp = undefined;
	});

	it('delivers the pending emails to the SMTP server, without health content', async () => {
		smtp = await startLoopbackSmtp();
		sender = outbox.createSender(db, { smtpUrl: smtp.url, from: 'Relais <relais@test.invalid>' });
		const { doc } = push(INS.christiane);
		expect(await sender.flush()).toBe(2);
		expect(smtp.received).toHaveLength(2);
		const toDaughter = smtp.received.find((m) =>
			m.envelopeTo.includes('fille-christiane@relais.test')
		)!;
		expect(toDaughter.subject).toBe("Nouveau document dans l'espace santé de Christiane");
		expect(toDaughter.text).toContain(
			"Un nouveau document est disponible dans l'espace de Christiane."
		);
		expect(toDaughter.headers['auto-submitted']).toBe('auto-generated');
		for (const m of smtp.received) {
			const raw = `${m.raw}\n${m.subject}\n${m.text}`.toLowerCase();
			for (const secret of [doc.title, 'pansement', TYPE_DISPLAY, AUTHOR, 'dubois']) {
				expect(raw).not.toContain(secret.toLowerCase());
			}
		}
		expect(emails().every((e) => e.sentAt !== null && e.attempts === 1)).toBe(true);
		// Nothing is sent twice.
		expect(await sender.flush()).toBe(0);
		expect(smtp.received).toHaveLength(2);
	});

	it('retries with a growing delay until the server answers', async () => {
		// A port with nobody listening.
		const free = await new Promise<number>((resolve) => {
			const s = net.createServer().listen(0, '127.0.0.1', () => {
				const port = (s.address() as net.AddressInfo).port;
				s.close(() => resolve(port));
			});
		});
		let clock = new Date(now.getTime() + 2 * 24 * 3600_000);
		sender = outbox.createSender(db, {
			smtpUrl: `smtp://127.0.0.1:${free}`,
			from: 'relais@test.invalid',
			clock: () => clock
		});
		push(INS.elliot, {}, clock);
		expect(await sender.flush()).toBe(0);
		let [row] = emails();
		expect(row!.attempts).toBe(1);
		expect(row!.sentAt).toBeNull();
		expect(row!.lastError).toMatch(/^[A-Z_]+( \d+)?$/);
		expect(row!.lastError).not.toContain('@');

		// Not due again before the delay.
		clock = new Date(clock.getTime() + outbox.BASE_DELAY_MS - 1);
		expect(outbox.due(db, clock)).toEqual([]);
		expect(await sender.flush()).toBe(0);
		expect(emails()[0]!.attempts).toBe(1);

		// The server is up now; once due, the email goes through.
		sender.stop();
		smtp = await startLoopbackSmtp(free);
		sender = outbox.createSender(db, {
			smtpUrl: smtp.url,
			from: 'relais@test.invalid',
			clock: () => clock
		});
		clock = new Date(clock.getTime() + 1);
		expect(await sender.flush()).toBe(1);
		[row] = emails();
		expect(row!.attempts).toBe(2);
		expect(row!.sentAt).not.toBeNull();
		expect(smtp.received[0]!.envelopeTo).toEqual(['parent-elliot@relais.test']);
	});

	it('deletes sent emails after a week and given-up ones after a month', () => {
		const day = 24 * 3600_000;
		const row = (createdAt: Date, sentAt: Date | null, attempts: number) =>
			outbox.enqueue(
				db,
				{ to: 'x@relais.test', subject: 's', text: `t${+createdAt}` },
				createdAt
			) &&
			db
				.update(emailOutbox)
				.set({ sentAt, attempts })
				.where(eq(emailOutbox.createdAt, createdAt))
				.run();
		row(new Date(now.getTime() - 8 * day), new Date(now.getTime() - 8 * day), 1);
		row(new Date(now.getTime() - 2 * day), new Date(now.getTime() - 2 * day), 1);
		row(new Date(now.getTime() - 31 * day), null, outbox.MAX_ATTEMPTS);
		row(new Date(now.getTime() - 10 * day), null, outbox.MAX_ATTEMPTS);
		expect(outbox.purge(db, now)).toBe(2);
		expect(
			emails()
				.map((e) => Math.round((now.getTime() - e.createdAt.getTime()) / day))
				.sort((a, b) => a - b)
		).toEqual([2, 10]);
	});

	it('spaces out the attempts: 5 s, 10 s, 20 s… capped at 15 min', () => {
		const createdAt = new Date(0);
		const at = (attempts: number) => outbox.nextAttemptAt({ createdAt, attempts }).getTime();
		expect([0, 1, 2, 3].map(at)).toEqual([0, 5_000, 15_000, 35_000]);
		expect(at(12) - at(11)).toBe(outbox.MAX_DELAY_MS);
	});
});

describe('"nouveau" and the counts', () => {
	it('marks a document opened once', () => {
		const { doc } = push(INS.adrien);
		const first = new Date(now.getTime() + 1000);
		expect(markOpened(db, doc.id, first)).toBe(true);
		expect(markOpened(db, doc.id, new Date(now.getTime() + 5000))).toBe(false);
		const row = db.select().from(documents).where(eq(documents.id, doc.id)).get()!;
		expect(row.firstOpenedAt?.getTime()).toBe(first.getTime());
	});

	it('counts for every account exactly the new documents the policy lets it read', () => {
		// A fresh secret document for Elliot: never counted for his parent.
		const { doc: secret } = push(INS.elliot, { invisibleToLegalRepresentatives: true });
		const all = db
			.select()
			.from(documents)
			.where(and(isNull(documents.supersededAt), isNull(documents.firstOpenedAt)))
			.all();
		let checked = 0;
		for (const account of db.select().from(accounts).all()) {
			for (const { person, decision } of reachableProfiles(db, account.id, now)) {
				const expected = all.filter(
					(d) => d.personId === person.id && policy.decideDocument(decision, d).allow
				);
				expect(countNew(db, person.id, decision), `${account.email} → ${person.id}`).toBe(
					expected.length
				);
				const listed = listNew(db, person.id, decision.documentFilter, 1000).map((d) => d.id);
				expect(listed.sort()).toEqual(expected.map((d) => d.id).sort());
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(20);

		const parent = accountId('parent-elliot@relais.test');
		const elliot = reachableProfiles(db, parent, now).find((p) => p.person.id === secret.personId)!;
		expect(
			listNew(db, elliot.person.id, elliot.decision.documentFilter).map((d) => d.id)
		).not.toContain(secret.id);
	});

	it('stops counting a document once opened, and counts the one being opened as opened', () => {
		const { doc } = push(INS.christiane);
		const christiane = accountId('christiane@relais.test');
		const space = reachableProfiles(db, christiane, now).find((p) => p.person.id === doc.personId)!;
		const before = countNew(db, doc.personId, space.decision)!;
		expect(countNew(db, doc.personId, space.decision, { exceptDocumentId: doc.id })).toBe(
			before - 1
		);
		markOpened(db, doc.id, now);
		expect(countNew(db, doc.personId, space.decision)).toBe(before - 1);
	});

	it('gives no count to a delegation without the documents scope', () => {
		const grant = and(
			eq(accessGrants.accountId, accountId('fille-christiane@relais.test')),
			eq(accessGrants.personId, personId(INS.christiane))
		);
		try {
			db.update(accessGrants)
				.set({ scopes: ['inbox'] })
				.where(grant)
				.run();
			const daughter = accountId('fille-christiane@relais.test');
			const space = reachableProfiles(db, daughter, now).find(
				(p) => p.person.id === personId(INS.christiane)
			)!;
			expect(countNew(db, space.person.id, space.decision)).toBeNull();
			push(INS.christiane);
			expect(recipients()).toEqual(['christiane@relais.test']);
		} finally {
			db.update(accessGrants)
				.set({ scopes: ['documents', 'inbox', 'appointments', 'send_documents'] })
				.where(grant)
				.run();
		}
	});
});
