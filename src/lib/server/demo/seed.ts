import { hashSync } from '@node-rs/argon2';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { accessGrants, accounts, organisations, persons } from '../db/schema';
import { ingest } from '../documents/ingest';
import { newId } from '../ids';
// Inlined by Vite as a base64 data URL: the PDF travels inside the server bundle, so the built
// server (adapter-node) needs neither /work/shared nor the source tree at run time.
import labReportDataUrl from './assets/lab-report-dominique.pdf?inline';
import { renderPdf } from './pdf';
import {
	demoAccounts,
	demoDocuments,
	demoGrants,
	demoOrganisations,
	demoPersons,
	type AssetDemoDocument,
	type DemoDocument,
	type DemoPerson,
	type OrgKey,
	type PersonKey
} from './personas';

/** The one password of every demo account (domain.md), printed at start-up in demo mode only. */
const DAY_MS = 24 * 3600 * 1000;

export const DEMO_PASSWORD = 'relais-demo-2026';

/** The demo accounts' emails, in domain.md's order, for printing at start-up. */
export function demoSignIns(): string[] {
	return demoAccounts.map((a) => a.email);
}

const DAY = 24 * 60 * 60 * 1000;
const PARIS = 'Europe/Paris';

const longDate = new Intl.DateTimeFormat('fr-FR', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: PARIS
});
const shortDate = new Intl.DateTimeFormat('fr-FR', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	timeZone: PARIS
});

/** "25/02/1938" from "1938-02-25" (a calendar date, no time zone involved). */
function birthDateFr(iso: string): string {
	const [y, m, d] = iso.split('-');
	return `${d}/${m}/${y}`;
}

/** Replaces {{J±n}} (long date) and {{d±n}} (short date), n days from `now`. */
export function fillDates(text: string, now: Date): string {
	return text.replace(/\{\{([Jd])([+-])(\d+)\}\}/g, (_, kind: string, sign: string, n: string) => {
		const at = new Date(now.getTime() + (sign === '+' ? 1 : -1) * Number(n) * DAY);
		return (kind === 'J' ? longDate : shortDate).format(at);
	});
}

const isoDate = new Intl.DateTimeFormat('en-CA', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	timeZone: PARIS
});

/** Age in full years on `now`'s date in Paris. */
function ageAt(birthDate: string, now: Date): number {
	const today = isoDate.format(now); // YYYY-MM-DD
	const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
	return today.slice(5) < birthDate.slice(5) ? age - 1 : age;
}

function patientLine(p: DemoPerson, now: Date): string {
	const name = `${p.usedGivenName} ${p.birthName}`;
	const born = p.sex === 'F' ? 'née' : 'né';
	const civility = ageAt(p.birthDate, now) >= 18 ? (p.sex === 'F' ? 'Mme ' : 'M. ') : '';
	return `Patient${p.sex === 'F' ? 'e' : ''}\u00a0: ${civility}${name}, ${born} le ${birthDateFr(p.birthDate)} — INS ${p.insMatricule}`;
}

/** The bytes of the real ANS lab report (see scripts/extract-demo-assets.mjs). */
export function labReportBytes(): Uint8Array {
	const comma = labReportDataUrl.indexOf(',');
	if (!labReportDataUrl.startsWith('data:') || comma < 0) {
		throw new Error('demo lab report asset was not inlined as a data URL');
	}
	return new Uint8Array(Buffer.from(labReportDataUrl.slice(comma + 1), 'base64'));
}

let passwordHash: string | undefined;
/** Argon2id (m 19456, t 2, p 1), computed once per process and shared by every demo account. */
function demoPasswordHash(): string {
	passwordHash ??= hashSync(DEMO_PASSWORD, {
		algorithm: 2, // Argon2id
		memoryCost: 19456,
		timeCost: 2,
		parallelism: 1
	});
	return passwordHash;
}

function authoredAt(doc: DemoDocument, now: Date): Date {
	if ('asset' in doc) return new Date(doc.authoredAt);
	const day = new Date(now.getTime() - doc.daysAgo * DAY);
	day.setUTCHours(doc.atHour ?? 9, 0, 0, 0);
	// Never in the future, whatever the hour of seeding.
	return day.getTime() > now.getTime() ? new Date(now.getTime() - 60 * 60 * 1000) : day;
}

function receivedAt(doc: DemoDocument, authored: Date, now: Date): Date {
	if ('asset' in doc) return new Date(now.getTime() - doc.receivedDaysAgo * DAY);
	return new Date(Math.min(authored.getTime() + 20 * 60 * 1000, now.getTime()));
}

function assetBytes(doc: AssetDemoDocument): Uint8Array {
	switch (doc.asset) {
		case 'lab-report-dominique':
			return labReportBytes();
	}
}

/**
 * Loads the demo data of domain.md into an empty database: does nothing (and returns zeros) when
 * any account exists. Everything goes in one transaction; each document is stored through `ingest`
 * (its file first, then its rows, nested as a savepoint).
 */
export function seedDemo(
	db: Db,
	now = new Date()
): { accounts: number; persons: number; documents: number } {
	const none = { accounts: 0, persons: 0, documents: 0 };
	if (db.select({ n: count() }).from(accounts).get()!.n > 0) return none;

	const hash = demoPasswordHash();
	const orgIds = new Map<OrgKey, string>();
	const personIds = new Map<PersonKey, string>();
	const accountIds = new Map<string, string>();

	const inserted = db.transaction((tx) => {
		// Checked again inside the transaction: two starts racing seed only once.
		if (tx.select({ n: count() }).from(accounts).get()!.n > 0) return null;

		for (const org of demoOrganisations) {
			// An organisation registered before the demo was loaded keeps its id.
			const existing = tx
				.select({ id: organisations.id })
				.from(organisations)
				.where(eq(organisations.finess, org.finess))
				.get();
			const id = existing?.id ?? newId();
			if (!existing) {
				tx.insert(organisations)
					.values({
						id,
						name: org.name,
						kind: org.kind,
						finess: org.finess,
						mssAddress: org.mssAddress
					})
					.run();
			}
			orgIds.set(org.key, id);
		}

		for (const p of demoPersons) {
			const id = newId();
			tx.insert(persons)
				.values({
					id,
					insMatricule: p.insMatricule,
					insOid: p.insOid,
					identityStatus: p.identityStatus,
					birthName: p.birthName,
					firstGivenName: p.firstGivenName,
					givenNames: p.givenNames,
					usedGivenName: p.usedGivenName,
					sex: p.sex,
					birthDate: p.birthDate,
					birthPlace: p.birthPlace,
					protection: p.protection,
					keepsOwnAccess: p.keepsOwnAccess,
					exclusion: p.exclusion,
					spaceStatus: p.spaceStatus,
					createdAt: new Date(now.getTime() - 400 * DAY)
				})
				.run();
			personIds.set(p.key, id);
		}

		for (const a of demoAccounts) {
			const id = newId();
			tx.insert(accounts)
				.values({
					id,
					email: a.email,
					passwordHash: hash,
					personId: personIds.get(a.person)!,
					displayName: a.displayName,
					createdAt: new Date(now.getTime() - 400 * DAY)
				})
				.run();
			accountIds.set(a.email, id);
		}

		for (const g of demoGrants) {
			const startsAt = new Date(now.getTime() - g.startsDaysAgo * DAY);
			let endsAt: Date | null = null;
			if (g.endsInMonths !== null) {
				endsAt = new Date(now);
				endsAt.setUTCMonth(endsAt.getUTCMonth() + g.endsInMonths);
			}
			tx.insert(accessGrants)
				.values({
					id: newId(),
					accountId: accountIds.get(g.account)!,
					personId: personIds.get(g.person)!,
					basis: g.basis,
					scopes: g.scopes,
					categories: g.categories,
					startsAt,
					endsAt,
					grantedByAccountId: g.grantedBy ? accountIds.get(g.grantedBy)! : null,
					createdAt: startsAt
				})
				.run();
		}
		// The documents go in the same transaction (each ingest nests as a savepoint): a stop
		// half-way leaves no half-loaded demo, only orphan files that the start-up sweep removes.
		const byKey = new Map(demoPersons.map((p) => [p.key, p]));
		const documentIds = new Map<string, string>();
		const setIds = new Map<string, string>();
		for (const doc of demoDocuments) {
			const person = byKey.get(doc.person)!;
			const authored = authoredAt(doc, now);
			const organisation = doc.organisation
				? demoOrganisations.find((o) => o.key === doc.organisation)!.name
				: (doc.issuer ?? 'Document de démonstration');
			const bytes =
				'asset' in doc
					? assetBytes(doc)
					: renderPdf({
							title: doc.title,
							organisation,
							author: doc.authorName,
							date: longDate.format(authored),
							patientLine: patientLine(person, now),
							sections: doc.sections.map((s) => ({
								heading: s.heading === undefined ? undefined : fillDates(s.heading, now),
								paragraphs: s.paragraphs.map((text) => fillDates(text, now))
							}))
						});
			let setId: string | undefined;
			if (doc.version) {
				setId = setIds.get(doc.version.set) ?? newId();
				setIds.set(doc.version.set, setId);
			}
			const received = receivedAt(doc, authored, now);
			const stored = ingest(db, {
				personId: personIds.get(doc.person)!,
				typeCode: doc.type.code,
				typeSystem: doc.type.system,
				typeDisplay: doc.type.display,
				title: doc.title,
				authorName: doc.authorName,
				organisationId: doc.organisation ? orgIds.get(doc.organisation)! : null,
				authoredAt: authored,
				receivedAt: received,
				// The demo's older documents have been read already; the last week's are "nouveau".
				firstOpenedAt:
					now.getTime() - received.getTime() > 7 * DAY_MS
						? new Date(received.getTime() + DAY_MS)
						: null,
				source: 'professional',
				hiddenFromProfessionals: doc.hiddenFromProfessionals ?? false,
				invisibleToPatient: doc.invisibleToPatient ?? false,
				invisibleToLegalRepresentatives: doc.invisibleToLegalRepresentatives ?? false,
				setId,
				version: doc.version?.number,
				replacesDocumentId: doc.version?.replaces ? documentIds.get(doc.version.replaces)! : null,
				bytes,
				mediaType: 'application/pdf'
			});
			documentIds.set(doc.key, stored.id);
		}

		return { accounts: demoAccounts.length, persons: demoPersons.length };
	});
	if (!inserted) return none;
	return { ...inserted, documents: demoDocuments.length };
}
