/**
 * Reads of a person's documents. Every list takes the policy's DocumentFilter so that what is
 * listed or counted is exactly what `policy.decideDocument` would allow.
 */
import {
	and,
	count,
	desc,
	eq,
	inArray,
	isNotNull,
	isNull,
	or,
	sql,
	type Placeholder,
	type SQL
} from 'drizzle-orm';
import type { DocumentFilter } from '../access/policy';
import { prepared, type Db } from '../db';
import { documents, organisations } from '../db/schema';

/**
 * The rows of this person the filter allows (not invisible, not secret from this reader, within
 * the delegation's categories) — not deleted, or, for the bin, only deleted ones.
 */
export function visible(
	personId: string,
	filter: DocumentFilter,
	deleted: 'exclude' | 'only' = 'exclude'
): SQL {
	return visibleWhere(
		personId,
		filter.categories ? inArray(documents.category, filter.categories) : null,
		filter,
		deleted
	);
}

/**
 * `visible` for a prepared statement: the person and the delegation's categories are the
 * placeholders `personId` and `categories` (filled by `visibleParams`), so one statement serves
 * every person whose filter has the same shape (`shapeOf`).
 */
export function visiblePrepared(
	filter: DocumentFilter,
	deleted: 'exclude' | 'only' = 'exclude'
): SQL {
	return visibleWhere(
		sql.placeholder('personId'),
		filter.categories
			? sql`${documents.category} in (select value from json_each(${sql.placeholder('categories')}))`
			: null,
		filter,
		deleted
	);
}

export function visibleParams(personId: string, filter: DocumentFilter) {
	return { personId, categories: JSON.stringify(filter.categories ?? []) };
}

/** What decides the SQL text of `visiblePrepared` and `filterConditions(…, 'prepared')`. */
export function shapeOf(filter: DocumentFilter, filters: ListFilters = {}): string {
	// Truthiness, as in filterConditions: an empty value adds no condition.
	const present = (value: unknown) => (value ? '+' : '-');
	return [
		filter.excludeSecretFromRepresentatives ? 'secret' : '-',
		filter.categories ? 'scoped' : '-',
		present(filters.category),
		present(filters.from),
		present(filters.to),
		present(filters.authorOrOrganisation)
	].join('');
}

function visibleWhere(
	person: string | Placeholder,
	categories: SQL | null,
	filter: DocumentFilter,
	deleted: 'exclude' | 'only'
): SQL {
	const conditions: (SQL | undefined)[] = [
		eq(documents.personId, person),
		deleted === 'exclude' ? isNull(documents.deletedAt) : isNotNull(documents.deletedAt),
		eq(documents.invisibleToPatient, false)
	];
	if (filter.excludeSecretFromRepresentatives) {
		conditions.push(eq(documents.invisibleToLegalRepresentatives, false));
	}
	if (categories) conditions.push(categories);
	return and(...conditions) as SQL;
}

/** What a document list shows (and so what a list page sends to the browser): nothing more. */
export const listColumns = {
	id: documents.id,
	title: documents.title,
	category: documents.category,
	typeDisplay: documents.typeDisplay,
	authorName: documents.authorName,
	organisationName: organisations.name,
	authoredAt: documents.authoredAt,
	version: documents.version,
	hiddenFromProfessionals: documents.hiddenFromProfessionals,
	/** Null until someone on the person's side opens it: the list marks it "Nouveau". */
	firstOpenedAt: documents.firstOpenedAt
};

/** Current versions (not superseded) the filter allows, newest first. */
export function listCurrent(
	db: Db,
	personId: string,
	filter: DocumentFilter,
	options: { limit?: number } = {}
) {
	return prepared(db, `documents.listCurrent ${shapeOf(filter)}`, (d) =>
		d
			.select(listColumns)
			.from(documents)
			.leftJoin(organisations, eq(documents.organisationId, organisations.id))
			.where(and(visiblePrepared(filter), isNull(documents.supersededAt)))
			.orderBy(desc(documents.authoredAt), desc(documents.receivedAt))
			.limit(sql.placeholder('limit'))
			.prepare()
	).all({ ...visibleParams(personId, filter), limit: options.limit ?? -1 });
}

/** One document of this person, with its organisation name; the caller asks the policy. */
export function get(db: Db, personId: string, documentId: string) {
	return prepared(db, 'documents.get', (d) =>
		d
			.select({ document: documents, organisationName: organisations.name })
			.from(documents)
			.leftJoin(organisations, eq(documents.organisationId, organisations.id))
			.where(
				and(
					eq(documents.id, sql.placeholder('documentId')),
					eq(documents.personId, sql.placeholder('personId'))
				)
			)
			.prepare()
	).get({ documentId, personId });
}

/** Earlier versions of a document the filter allows, newest first. */
export function versions(db: Db, personId: string, setId: string, filter: DocumentFilter) {
	return db
		.select(listColumns)
		.from(documents)
		.leftJoin(organisations, eq(documents.organisationId, organisations.id))
		.where(and(visible(personId, filter), eq(documents.setId, setId)))
		.orderBy(desc(documents.version))
		.all();
}

/** Filters a person applies to their list or search (values already validated by the route). */
export type ListFilters = {
	category?: string;
	/** Calendar dates (YYYY-MM-DD, Paris): documents written from `from` to `to`, both included. */
	from?: string;
	to?: string;
	/** An author's or an organisation's name, exactly as listed by `overview`. */
	authorOrOrganisation?: string;
};

/** The first instant of a Paris calendar date (YYYY-MM-DD). */
export function parisDayStart(day: string): Date {
	const noonUtc = new Date(`${day}T12:00:00Z`);
	const parisHour = Number(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Paris',
			hour: '2-digit',
			hourCycle: 'h23'
		}).format(noonUtc)
	);
	// Paris is UTC+1 or UTC+2: midnight Paris is 23:00 or 22:00 UTC the day before.
	return new Date(noonUtc.getTime() - parisHour * 3600 * 1000);
}

function nextDay(day: string): string {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/** The filters' values as stored (instants in milliseconds), named as their placeholders. */
type FilterParams = { category?: string; from?: number; to?: number; author?: string };
function filterParams(filters: ListFilters): FilterParams {
	const params: FilterParams = {};
	if (filters.category) params.category = filters.category;
	if (filters.from) params.from = parisDayStart(filters.from).getTime();
	if (filters.to) params.to = parisDayStart(nextDay(filters.to)).getTime();
	if (filters.authorOrOrganisation) params.author = filters.authorOrOrganisation;
	return params;
}

/**
 * SQL conditions of the filters (the join with organisations must be in the query): with their
 * values, or, for a prepared statement, with placeholders filled by `filterParams`.
 */
export function filterConditions(
	filters: ListFilters,
	values: 'inline' | 'prepared' = 'inline'
): SQL[] {
	const params = filterParams(filters);
	const bind = <K extends keyof FilterParams>(name: K) =>
		values === 'prepared' ? sql.placeholder(name) : (params[name] as NonNullable<FilterParams[K]>);
	const conditions: SQL[] = [];
	// Instants compared as stored (milliseconds), not through the column's Date mapping.
	const at = sql`${documents.authoredAt}`;
	if (filters.category) conditions.push(eq(documents.category, bind('category')));
	if (filters.from) conditions.push(sql`${at} >= ${bind('from')}`);
	if (filters.to) conditions.push(sql`${at} < ${bind('to')}`);
	if (filters.authorOrOrganisation) {
		conditions.push(
			or(eq(documents.authorName, bind('author')), eq(organisations.name, bind('author'))) as SQL
		);
	}
	return conditions;
}

/* ---- A small cache for the overview of large profiles ---- */

/**
 * A number that changes whenever anything is committed to the database: by this connection
 * (`total_changes()`) or by another (`PRAGMA data_version`). Reading it costs two trivial calls.
 * A cached result computed at the same generation is exactly what the query would return now.
 * (Any write invalidates every entry: simple and always right. A per-person generation kept by
 * triggers would let unrelated writes leave the entries alone — a migration, not done here.)
 */
type Pluck = { get(): unknown };
const generationStatements = new WeakMap<object, { changes: Pluck; dataVersion: Pluck }>();
export function generation(db: Db): string {
	const client = db.$client;
	let statements = generationStatements.get(client);
	if (!statements) {
		statements = {
			changes: client.prepare('select total_changes()').pluck(),
			dataVersion: client.prepare('pragma data_version').pluck()
		};
		generationStatements.set(client, statements);
	}
	return `${String(statements.dataVersion.get())}:${String(statements.changes.get())}`;
}

const CACHE_ENTRIES = 500;
const cache = new Map<string, { db: Db; generation: string; value: unknown }>();

/**
 * The value of `compute()` for this key, computed again when the database changed since. Only for
 * what a person's page shows at every visit (counts per category, the newest of each category).
 */
export function cached<T>(db: Db, key: string, compute: () => T): T {
	const now = generation(db);
	const entry = cache.get(key);
	if (entry && entry.db === db && entry.generation === now) {
		// Least recently used goes first: move this one to the end.
		cache.delete(key);
		cache.set(key, entry);
		return entry.value as T;
	}
	const value = compute();
	cache.delete(key);
	cache.set(key, { db, generation: now, value });
	if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
	return value;
}

/** A cache key for `cached`: what is computed, for whom, under which filter, with what else. */
export function cacheKey(
	kind: string,
	personId: string,
	filter: DocumentFilter,
	rest: unknown
): string {
	return JSON.stringify([kind, personId, filter, rest]);
}

/**
 * One pass over the person's current documents the filter allows: how many per category, and the
 * authors and organisations present (the choices of the "Auteur ou établissement" filter).
 */
export function overview(
	db: Db,
	personId: string,
	filter: DocumentFilter,
	filters: ListFilters = {}
) {
	return cached(db, cacheKey('overview', personId, filter, filters), () =>
		computeOverview(db, personId, filter, filters)
	);
}

function computeOverview(db: Db, personId: string, filter: DocumentFilter, filters: ListFilters) {
	const rows = db
		.select({
			category: documents.category,
			authorName: documents.authorName,
			organisationName: organisations.name,
			n: count()
		})
		.from(documents)
		.leftJoin(organisations, eq(documents.organisationId, organisations.id))
		.where(
			and(visible(personId, filter), isNull(documents.supersededAt), ...filterConditions(filters))
		)
		.groupBy(documents.category, documents.authorName, organisations.name)
		.all();
	const byCategory = new Map<string, number>();
	const names = new Set<string>();
	let total = 0;
	for (const row of rows) {
		byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + row.n);
		total += row.n;
		if (row.authorName) names.add(row.authorName);
		if (row.organisationName) names.add(row.organisationName);
	}
	return {
		total,
		byCategory,
		authorsAndOrganisations: [...names].sort((a, b) => a.localeCompare(b, 'fr'))
	};
}

/** The filtered current documents, newest first, one page. */
export function listPage(
	db: Db,
	personId: string,
	filter: DocumentFilter,
	filters: ListFilters,
	page: { limit: number; offset: number }
) {
	return prepared(db, `documents.listPage ${shapeOf(filter, filters)}`, (d) =>
		d
			.select(listColumns)
			.from(documents)
			.leftJoin(organisations, eq(documents.organisationId, organisations.id))
			.where(
				and(
					visiblePrepared(filter),
					isNull(documents.supersededAt),
					...filterConditions(filters, 'prepared')
				)
			)
			.orderBy(desc(documents.authoredAt), desc(documents.receivedAt))
			.limit(sql.placeholder('limit'))
			.offset(sql.placeholder('offset'))
			.prepare()
	).all({ ...visibleParams(personId, filter), ...filterParams(filters), ...page });
}

/** The `perCategory` newest filtered current documents of each category, newest first. */
export function latestByCategory(
	db: Db,
	personId: string,
	filter: DocumentFilter,
	filters: ListFilters,
	perCategory: number
) {
	return cached(db, cacheKey('latest', personId, filter, [filters, perCategory]), () =>
		computeLatestByCategory(db, personId, filter, filters, perCategory)
	);
}

function computeLatestByCategory(
	db: Db,
	personId: string,
	filter: DocumentFilter,
	filters: ListFilters,
	perCategory: number
) {
	const ranked = db
		.select({
			id: documents.id,
			rank: sql<number>`row_number() over (partition by ${documents.category} order by ${documents.authoredAt} desc, ${documents.receivedAt} desc)`.as(
				'rank'
			)
		})
		.from(documents)
		.leftJoin(organisations, eq(documents.organisationId, organisations.id))
		.where(
			and(visible(personId, filter), isNull(documents.supersededAt), ...filterConditions(filters))
		)
		.as('ranked');
	return db
		.select(listColumns)
		.from(ranked)
		.innerJoin(documents, eq(documents.id, ranked.id))
		.leftJoin(organisations, eq(documents.organisationId, organisations.id))
		.where(sql`${ranked.rank} <= ${perCategory}`)
		.orderBy(desc(documents.authoredAt), desc(documents.receivedAt))
		.all();
}
