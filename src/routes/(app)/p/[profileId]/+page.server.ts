import { openSpace } from '$lib/server/access/request';
import { db } from '$lib/server/db';
import { countNew, listNew } from '$lib/server/documents/new';
import * as queries from '$lib/server/documents/queries';
import type { PageServerLoad } from './$types';

const LATEST = 5;
/** New documents listed on the home page; the count says how many there are in all. */
const NEW_LISTED = 10;

export const load: PageServerLoad = ({ params }) => {
	const { person, decision } = openSpace(params.profileId);
	const newCount = countNew(db(), person.id, decision);
	if (newCount === null) {
		return { mayReadDocuments: false, newCount: 0, newDocuments: [], latest: [] };
	}
	const newDocuments =
		newCount > 0 ? listNew(db(), person.id, decision.documentFilter, NEW_LISTED) : [];
	const shown = new Set(newDocuments.map((d) => d.id));
	const latest = queries
		.listCurrent(db(), person.id, decision.documentFilter, { limit: LATEST + shown.size })
		.filter((d) => !shown.has(d.id))
		.slice(0, LATEST);
	return { mayReadDocuments: true, newCount, newDocuments, latest };
};
