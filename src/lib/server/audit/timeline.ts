/**
 * The access history as the person (or a legal representative) reads it: who did what, when.
 * An event about a document the reader may not see (the minor's secret, for a parent) is left
 * out entirely — it is neither shown nor counted.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import * as policy from '../access/policy';
import type { Db } from '../db';
import { accessEvents, accounts, documents, organisations } from '../db/schema';

const actionLabels: Record<string, string> = {
	open_space: 'a ouvert l’espace',
	list_documents: 'a consulté la liste des documents',
	view_document: 'a consulté un document',
	read_document: 'a consulté un document',
	download_document: 'a téléchargé un document',
	push_document: 'a déposé un document',
	add_document: 'a ajouté un document',
	hide_document: 'a masqué un document aux professionnels',
	unhide_document: 'a rendu un document visible aux professionnels',
	delete_document: 'a mis un document à la corbeille',
	restore_document: 'a restauré un document de la corbeille',
	purge_document: 'a supprimé définitivement un document'
};

const basisLabels: Record<string, string> = {
	self: '',
	parental_authority: 'parent',
	guardianship: 'tuteur ou tutrice',
	curatorship_consent: 'curateur ou curatrice, avec accord',
	caregiver: 'aidant, accès expérimental',
	professional: 'professionnel, via son logiciel',
	system: 'automatique'
};

export type TimelineEntry = {
	id: number;
	at: Date;
	actor: string;
	role: string;
	action: string;
	document: { id: string; title: string; available: boolean } | null;
};

export function timeline(
	db: Db,
	personId: string,
	reader: policy.SpaceGranted,
	readerAccountId: string,
	limit = 200
): TimelineEntry[] {
	const events = db
		.select({
			event: accessEvents,
			accountName: accounts.displayName,
			organisationName: organisations.name
		})
		.from(accessEvents)
		.leftJoin(accounts, eq(accessEvents.actorAccountId, accounts.id))
		.leftJoin(organisations, eq(accessEvents.actorOrganisationId, organisations.id))
		.where(eq(accessEvents.personId, personId))
		.orderBy(desc(accessEvents.at), desc(accessEvents.id))
		.limit(limit)
		.all();
	const documentIds = [
		...new Set(
			events
				.filter((e) => e.event.objectType === 'document' && e.event.objectId)
				.map((e) => e.event.objectId as string)
		)
	];
	const docs = new Map(
		(documentIds.length
			? db.select().from(documents).where(inArray(documents.id, documentIds)).all()
			: []
		)
			.filter((d) => d.personId === personId)
			.map((d) => [d.id, d])
	);
	const entries: TimelineEntry[] = [];
	for (const { event, accountName, organisationName } of events) {
		let document: TimelineEntry['document'] = null;
		if (event.objectType === 'document') {
			const doc = event.objectId ? docs.get(event.objectId) : undefined;
			// Deleted documents still have their history; anything else the reader may not see is left out.
			if (!doc || !policy.decideDocument(reader, { ...doc, deletedAt: null }).allow) continue;
			document = { id: doc.id, title: doc.title, available: doc.deletedAt === null };
		}
		const actor =
			event.actorAccountId === readerAccountId
				? 'Vous'
				: (accountName ?? organisationName ?? 'Un compte supprimé');
		entries.push({
			id: event.id,
			at: event.at,
			actor,
			role: basisLabels[event.basis] ?? '',
			action: actionLabels[event.action] ?? event.action,
			document
		});
	}
	return entries;
}
