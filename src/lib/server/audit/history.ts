import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { accessEvents } from '../db/schema';

export type AccessAction =
	| 'open_space'
	| 'list_documents'
	| 'view_document'
	| 'download_document'
	| 'push_document'
	| 'read_document'
	/** The person's side added a document (upload). */
	| 'add_document'
	/** Hidden from professionals / shown to them again (masquer / afficher). */
	| 'hide_document'
	| 'unhide_document'
	/** Put in the bin, taken out of it, and purged after 30 days (actor: system). */
	| 'delete_document'
	| 'restore_document'
	| 'purge_document';

export type AccessRecord = {
	personId: string;
	action: AccessAction;
	basis: string;
	actorAccountId?: string | null;
	actorOrganisationId?: string | null;
	objectType?: 'document' | null;
	objectId?: string | null;
	at?: Date;
};

/** Records one access to a person's space. Carries ids only, never health content. */
export function record(db: Db, entry: AccessRecord): void {
	db.insert(accessEvents)
		.values({
			at: entry.at ?? new Date(),
			personId: entry.personId,
			actorAccountId: entry.actorAccountId ?? null,
			actorOrganisationId: entry.actorOrganisationId ?? null,
			basis: entry.basis,
			action: entry.action,
			objectType: entry.objectType ?? null,
			objectId: entry.objectId ?? null
		})
		.run();
}

export function forPerson(db: Db, personId: string, limit = 100) {
	return db
		.select()
		.from(accessEvents)
		.where(eq(accessEvents.personId, personId))
		.orderBy(desc(accessEvents.at), desc(accessEvents.id))
		.limit(limit)
		.all();
}
