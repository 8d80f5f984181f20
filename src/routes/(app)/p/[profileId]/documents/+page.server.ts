import * as v from 'valibot';
import * as policy from '$lib/server/access/policy';
import { requireSpace } from '$lib/server/access/spaces';
import { requireAccount } from '$lib/server/auth/guards';
import { db } from '$lib/server/db';
import { categories } from '$lib/server/documents/categories';
import * as queries from '$lib/server/documents/queries';
import * as search from '$lib/server/documents/search';
import type { PageServerLoad } from './$types';

/** Documents shown per category in the overview, and per page of a list or of results. */
const PER_CATEGORY = 5;
const PER_PAGE = 50;
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
	)
};
type Field = keyof typeof fields;

function readParams(url: URL) {
	const values: Record<Field, string> = {
		q: '',
		categorie: '',
		du: '',
		au: '',
		auteur: '',
		page: ''
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
	const account = requireAccount();
	const { person, decision } = requireSpace(
		db(),
		account.id,
		params.profileId,
		new Date(),
		'read_documents'
	);
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
	const pageNumber = valid.page ?? 1;
	const offset = (pageNumber - 1) * PER_PAGE;

	const common = {
		canAdd: policy.decideAction(decision, 'add_documents').allow,
		canManage: policy.decideAction(decision, 'manage_documents').allow,
		values,
		issues,
		total: all.total,
		choices: {
			categories: categories
				.filter((c) => all.byCategory.has(c.id))
				.map((c) => ({ id: c.id, label: c.label, count: all.byCategory.get(c.id) ?? 0 })),
			authorsAndOrganisations: all.authorsAndOrganisations
		}
	};

	const text = valid.q ?? '';
	const found =
		text === ''
			? null
			: search.search(db(), person.id, filter, { ...filters, text, limit: PER_PAGE, offset });
	if (found) {
		return {
			...common,
			mode: 'results' as const,
			results: {
				total: found.total,
				items: found.items,
				page: pageNumber,
				pages: Math.max(1, Math.ceil(found.total / PER_PAGE))
			},
			matching: found.total,
			filtered,
			groups: [],
			pagination: null
		};
	}

	// No words: the documents grouped by category, newest first.
	const counts = filtered ? queries.overview(db(), person.id, filter, filters) : all;
	if (filters.category) {
		// One category: all of it, page by page.
		const count = counts.byCategory.get(filters.category) ?? 0;
		const items =
			count === 0
				? []
				: queries.listPage(db(), person.id, filter, filters, { limit: PER_PAGE, offset });
		return {
			...common,
			mode: 'groups' as const,
			matching: count,
			filtered,
			groups:
				count === 0
					? []
					: [
							{
								id: filters.category,
								label: categories.find((c) => c.id === filters.category)?.label ?? '',
								count,
								documents: items
							}
						],
			pagination: {
				page: pageNumber,
				pages: Math.max(1, Math.ceil(count / PER_PAGE))
			},
			results: null
		};
	}
	const latest =
		counts.total === 0
			? []
			: queries.latestByCategory(db(), person.id, filter, filters, PER_CATEGORY);
	const groups = categories
		.filter((category) => counts.byCategory.has(category.id))
		.map((category) => ({
			id: category.id as string,
			label: category.label as string,
			count: counts.byCategory.get(category.id) ?? 0,
			documents: latest.filter((d) => d.category === category.id)
		}));
	return {
		...common,
		mode: 'groups' as const,
		matching: counts.total,
		filtered,
		groups,
		pagination: null,
		results: null
	};
};
