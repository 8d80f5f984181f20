import * as v from 'valibot';
import * as policy from '$lib/server/access/policy';
import { openSpace } from '$lib/server/access/request';
import { db } from '$lib/server/db';
import { categories } from '$lib/server/documents/categories';
import * as queries from '$lib/server/documents/queries';
import * as search from '$lib/server/documents/search';
import type { PageServerLoad } from './$types';

/**
 * The overview groups documents by category. A small space shows them all; a larger one shows the
 * latest of each category, each group linking to its full list (a calm page on a phone, and as
 * light to serve for 5,000 documents as for 5).
 */
const ALL_UNDER = 20;
/** Documents per page of a category, of a filtered list and of search results. */
const PER_PAGE = 20;
const MAX_TEXT = 200;
const MAX_PAGE = 10_000;

const categoryIds = categories.map((c) => c.id) as string[];

function isRealDate(value: string): boolean {
	const [y, m, d] = value.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	return (
		y >= 1900 &&
		y <= 2999 &&
		date.getUTCFullYear() === y &&
		date.getUTCMonth() === m - 1 &&
		date.getUTCDate() === d
	);
}

const dateField = (what: string) =>
	v.pipe(
		v.string(),
		v.regex(/^\d{4}-\d{2}-\d{2}$/, `La date « ${what} » doit être une date (jour, mois, année).`),
		v.check(isRealDate, `La date « ${what} » n’existe pas dans le calendrier.`)
	);

/**
 * The search parameters, each checked on its own: a bad one is reported (in French) and ignored,
 * the others still apply. Every value is what the person typed or chose; nothing else goes in the
 * URL. Empty fields count as absent.
 */
const fields = {
	q: v.pipe(
		v.string(),
		v.maxLength(MAX_TEXT, `Votre recherche est trop longue (${MAX_TEXT} caractères au plus).`)
	),
	categorie: v.picklist(
		categoryIds,
		'Cette catégorie n’existe pas : choisissez-en une dans la liste.'
	),
	du: dateField('du'),
	au: dateField('au'),
	auteur: v.pipe(
		v.string(),
		v.maxLength(MAX_TEXT, 'Choisissez un auteur ou un établissement dans la liste.')
	),
	page: v.pipe(
		v.string(),
		v.regex(/^[1-9]\d{0,4}$/, 'Le numéro de page n’est pas valable.'),
		v.transform(Number),
		v.maxValue(MAX_PAGE, 'Le numéro de page n’est pas valable.')
	),
	/** Show every filter (the overview shows the words field only). */
	avance: v.literal('1', 'Le paramètre « avance » n’est pas valable.')
};
type Field = keyof typeof fields;

function readParams(url: URL) {
	const values: Record<Field, string> = {
		q: '',
		categorie: '',
		du: '',
		au: '',
		auteur: '',
		page: '',
		avance: ''
	};
	const issues: Partial<Record<Field, string>> = {};
	const valid: { [K in Field]?: v.InferOutput<(typeof fields)[K]> } = {};
	for (const key of Object.keys(fields) as Field[]) {
		// Only the first value of a repeated parameter; at most what a field may hold.
		const raw = (url.searchParams.get(key) ?? '').slice(0, MAX_TEXT * 4);
		values[key] = key === 'q' || key === 'auteur' ? raw : raw.trim();
		if (values[key].trim() === '') continue;
		const result = v.safeParse(fields[key], values[key].trim());
		if (result.success) (valid as Record<string, unknown>)[key] = result.output;
		else issues[key] = result.issues[0].message;
	}
	if (valid.du && valid.au && valid.du > valid.au) {
		issues.au = 'La date « au » doit venir après la date « du ».';
		delete valid.au;
	}
	return { values, issues, valid };
}

export const load: PageServerLoad = ({ params, url }) => {
	const { person, decision } = openSpace(params.profileId, 'read_documents');
	const filter = decision.documentFilter;
	const { values, issues, valid } = readParams(url);

	// Everything the person may see: the choices of the filters and the total.
	const all = queries.overview(db(), person.id, filter);
	if (valid.auteur !== undefined && !all.authorsAndOrganisations.includes(valid.auteur)) {
		issues.auteur = 'Choisissez un auteur ou un établissement dans la liste.';
		delete valid.auteur;
	}
	const filters: queries.ListFilters = {
		category: valid.categorie,
		from: valid.du,
		to: valid.au,
		authorOrOrganisation: valid.auteur
	};
	const filtered = Boolean(
		filters.category || filters.from || filters.to || filters.authorOrOrganisation
	);
	const text = valid.q ?? '';
	const pageNumber = valid.page ?? 1;
	const offset = (pageNumber - 1) * PER_PAGE;
	// The overview and a category's list ask for the words only; every filter shows once asked
	// for, or once in use (with, then, the list of authors and organisations of the space).
	const advanced =
		valid.avance !== undefined ||
		text !== '' ||
		Boolean(filters.from || filters.to || filters.authorOrOrganisation) ||
		Object.keys(issues).length > 0;
	const category = categories.find((c) => c.id === filters.category);

	const common = {
		canAdd: policy.decideAction(decision, 'add_documents').allow,
		canManage: policy.decideAction(decision, 'manage_documents').allow,
		values,
		issues,
		total: all.total,
		advanced,
		/** The category the list is restricted to, if any. */
		category: category ? { id: category.id as string, label: category.label as string } : null,
		// The filters' choices, when the filters show.
		choices: {
			categories: advanced
				? categories
						.filter((c) => all.byCategory.has(c.id))
						.map((c) => ({ id: c.id, label: c.label, count: all.byCategory.get(c.id) ?? 0 }))
				: [],
			authorsAndOrganisations: advanced ? all.authorsAndOrganisations : []
		}
	};
	const pages = (count: number) => ({
		page: pageNumber,
		pages: Math.max(1, Math.ceil(count / PER_PAGE))
	});

	// Words without any letter or digit (punctuation only) search nothing: the list as if empty.
	const found =
		text === ''
			? null
			: search.search(db(), person.id, filter, { ...filters, text, limit: PER_PAGE, offset });
	if (found) {
		return {
			...common,
			mode: 'results' as const,
			matching: found.total,
			documents: found.items,
			pagination: pages(found.total),
			groups: []
		};
	}

	if (filtered) {
		// Filters without words: the matching documents, newest first, page by page.
		const matching = queries.overview(db(), person.id, filter, filters).total;
		return {
			...common,
			mode: 'list' as const,
			matching,
			documents:
				matching === 0
					? []
					: queries.listPage(db(), person.id, filter, filters, { limit: PER_PAGE, offset }),
			pagination: pages(matching),
			groups: []
		};
	}

	// The overview: every category, newest first. A small space shows all its documents; a larger
	// one the latest of each category, in one line, and a link to the category's full list.
	const small = all.total <= ALL_UNDER;
	const latest =
		all.total === 0
			? []
			: queries.latestByCategory(db(), person.id, filter, {}, small ? ALL_UNDER : 1);
	return {
		...common,
		mode: 'overview' as const,
		matching: all.total,
		documents: [],
		pagination: null,
		groups: categories
			.filter((category) => all.byCategory.has(category.id))
			.map((category) => {
				const documents = latest.filter((d) => d.category === category.id);
				const newest = documents[0];
				return {
					id: category.id as string,
					label: category.label as string,
					count: all.byCategory.get(category.id) ?? 0,
					documents: small ? documents : [],
					latest:
						small || !newest
							? null
							: {
									id: newest.id,
									title: newest.title,
									authoredAt: newest.authoredAt,
									isNew: newest.firstOpenedAt === null
								}
				};
			})
	};
};
