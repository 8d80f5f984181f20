import { requireSpace } from '$lib/server/access/spaces';
import { requireAccount } from '$lib/server/auth/guards';
import { db } from '$lib/server/db';
import { categories } from '$lib/server/documents/categories';
import * as queries from '$lib/server/documents/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const account = requireAccount();
	const { person, decision } = requireSpace(
		db(),
		account.id,
		params.profileId,
		new Date(),
		'read_documents'
	);
	const documents = queries.listCurrent(db(), person.id, decision.documentFilter);
	const groups = categories
		.map((category) => ({
			id: category.id,
			label: category.label,
			documents: documents.filter((d) => d.category === category.id)
		}))
		.filter((group) => group.documents.length > 0);
	return { groups, total: documents.length };
};
