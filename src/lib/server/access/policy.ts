/**
 * The access policy: the rules of shared/design/domain.md ("Who may do what"), as pure functions.
 * No I/O, no clock: callers pass the facts and `now`. Every page load, action and endpoint asks
 * these functions; listing queries take the `DocumentFilter` a space decision carries, so a list
 * never shows what `decideDocument` would refuse.
 *
 * Each decision carries a French sentence the UI can show the person.
 */
import { ofName } from '../../format';
import type { AccessGrant, GrantBasis, GrantScope, Person } from '../db/schema';

export type PersonFacts = Pick<
	Person,
	| 'id'
	| 'birthDate'
	| 'protection'
	| 'keepsOwnAccess'
	| 'exclusion'
	| 'spaceStatus'
	| 'usedGivenName'
	| 'sex'
>;

export type GrantFacts = Pick<
	AccessGrant,
	'basis' | 'scopes' | 'categories' | 'startsAt' | 'endsAt' | 'revokedAt'
>;

export type DocumentFacts = {
	category: string;
	deletedAt: Date | null;
	invisibleToPatient: boolean;
	invisibleToLegalRepresentatives: boolean;
};

export type PolicyOptions = {
	/** Domain rule 6: caregiver access is off unless the server enables it. */
	caregiverAccess: boolean;
};

/** What the person's side may see in a document list — applied in SQL by documents/queries.ts. */
export type DocumentFilter = {
	/** JDV_J08 INVISIBLE_PATIENT documents are never shown on the person's side. */
	excludeInvisibleToPatient: true;
	/** The minor's secret (INVISIBLE_REPRESENTANTS_LEGAUX): hidden from everyone but the person. */
	excludeSecretFromRepresentatives: boolean;
	/** Categories a delegation may read; null = all. */
	categories: string[] | null;
};

export type Action =
	/** See the space exists and open its home page. */
	| 'view_space'
	| 'read_documents'
	| 'use_inbox'
	| 'read_appointments'
	| 'send_documents'
	/** Add a document (photo, PDF) to the space. */
	| 'add_documents'
	/** Hide from professionals, delete (to the bin), restore. Legal bases only. */
	| 'manage_documents'
	/** Read the space's access history. Legal bases only. */
	| 'view_history';

export type SpaceGranted = {
	allow: true;
	basis: GrantBasis;
	/** Delegations (curateur with consent, caregiver) are scoped; legal bases reach everything. */
	scopes: GrantScope[] | 'all';
	experimental: boolean;
	/** Up to when the access lasts, when it is time-limited (delegations, parental authority). */
	until: Date | null;
	documentFilter: DocumentFilter;
	reason: string;
};
export type Denied = { allow: false; reason: string };
export type SpaceDecision = SpaceGranted | Denied;
export type Decision = { allow: true; reason: string } | Denied;

/** The longest a delegation may last (domain rule 6). */
export const MAX_DELEGATION_MS = 366 * 24 * 3600 * 1000;
export const MAJORITY_AGE = 18;

const fullAccess: GrantScope[] | 'all' = 'all';

const parisDay = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

const HOUR_MS = 3600 * 1000;
let lastDay: { hour: number; day: string } | undefined;

/** Today's calendar date in Europe/Paris, as YYYY-MM-DD. */
export function parisDate(now: Date): string {
	// Paris is a whole number of hours from UTC, so its date is the same for a whole UTC hour: the
	// last answer is kept for that hour (every space decision asks).
	const hour = Math.floor(now.getTime() / HOUR_MS);
	if (lastDay?.hour !== hour) lastDay = { hour, day: parisDay.format(now) };
	return lastDay.day;
}

/**
 * The date (YYYY-MM-DD) a person born on `birthDate` reaches `years`; someone born on 29 February
 * reaches it on 1 March of a non-leap year.
 */
export function anniversary(birthDate: string, years: number): string {
	const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(y + years, m - 1, d));
	return target.toISOString().slice(0, 10);
}

/** Minority ends on the 18th birthday, Paris calendar date (domain rule 2). */
export function isMinor(person: Pick<Person, 'birthDate'>, now: Date): boolean {
	return parisDate(now) < anniversary(person.birthDate, MAJORITY_AGE);
}

/** The moment minority ends: midnight Paris time on the 18th birthday. */
export function majorityDate(person: Pick<Person, 'birthDate'>): Date {
	const day = anniversary(person.birthDate, MAJORITY_AGE);
	// Midnight in Paris is 22:00 or 23:00 UTC the day before; find the first instant on that date.
	const guess = new Date(`${day}T00:00:00Z`);
	for (const offsetHours of [2, 1, 0]) {
		const t = new Date(guess.getTime() - offsetHours * 3600 * 1000);
		if (parisDate(t) === day) return t;
	}
	return guess;
}

function name(person: PersonFacts): string {
	return person.usedGivenName;
}

const frenchDay = new Intl.DateTimeFormat('fr-FR', {
	timeZone: 'Europe/Paris',
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});

function frenchDate(date: Date): string {
	return frenchDay.format(date);
}

/** Whether a space exists and is open, whoever asks (rules 3 and 8). */
export function spaceState(person: PersonFacts): Decision {
	if (person.exclusion || person.spaceStatus === 'excluded') {
		const why =
			person.exclusion === 'emancipated'
				? 'un mineur émancipé n’a pas d’espace santé'
				: 'un mineur assuré en son nom propre (« mineur assuré ouvrant droit ») n’a pas d’espace santé';
		return { allow: false, reason: `Pas d’espace santé pour cette personne : ${why}.` };
	}
	if (person.spaceStatus === 'closed') {
		return { allow: false, reason: 'Cet espace santé a été fermé.' };
	}
	return { allow: true, reason: 'Cet espace santé est ouvert.' };
}

function inEffect(grant: GrantFacts, now: Date): Denied | null {
	if (grant.revokedAt && grant.revokedAt.getTime() <= now.getTime()) {
		return { allow: false, reason: 'Cet accès a été retiré.' };
	}
	if (grant.startsAt.getTime() > now.getTime()) {
		return { allow: false, reason: 'Cet accès n’a pas encore commencé.' };
	}
	if (grant.endsAt && grant.endsAt.getTime() <= now.getTime()) {
		return { allow: false, reason: 'Cet accès a pris fin.' };
	}
	return null;
}

function granted(
	basis: GrantBasis,
	person: PersonFacts,
	reason: string,
	extra: Partial<Pick<SpaceGranted, 'scopes' | 'experimental' | 'until'>> & {
		categories?: string[];
	} = {}
): SpaceGranted {
	const categories = extra.categories && extra.categories.length > 0 ? extra.categories : null;
	return {
		allow: true,
		basis,
		scopes: extra.scopes ?? fullAccess,
		experimental: extra.experimental ?? false,
		until: extra.until ?? null,
		documentFilter: {
			excludeInvisibleToPatient: true,
			excludeSecretFromRepresentatives: basis !== 'self',
			categories
		},
		reason
	};
}

/** Decides one grant against the person's situation now. */
export function decideGrant(
	grant: GrantFacts,
	person: PersonFacts,
	now: Date,
	options: PolicyOptions
): SpaceDecision {
	const state = spaceState(person);
	if (!state.allow) return state;
	const timing = inEffect(grant, now);
	if (timing) return timing;
	const minor = isMinor(person, now);
	const who = name(person);

	switch (grant.basis) {
		case 'self': {
			if (minor) {
				return {
					allow: false,
					reason: `L’espace d’un mineur est géré par les titulaires de l’autorité parentale jusqu’à ses 18 ans.`
				};
			}
			if (person.protection === 'guardianship' && !person.keepsOwnAccess) {
				return {
					allow: false,
					reason: 'La mesure de tutelle confie l’accès à cet espace à votre tuteur ou tutrice.'
				};
			}
			return granted('self', person, 'Vous êtes titulaire de cet espace santé.');
		}
		case 'parental_authority': {
			if (!minor) {
				return {
					allow: false,
					reason: `${who} est majeur·e depuis le ${frenchDate(majorityDate(person))} : l’accès des parents a pris fin.`
				};
			}
			return granted(
				'parental_authority',
				person,
				`Vous voyez l’espace ${ofName(who)} car vous êtes titulaire de l’autorité parentale.`,
				{ until: majorityDate(person) }
			);
		}
		case 'guardianship': {
			if (minor || person.protection !== 'guardianship') {
				return {
					allow: false,
					reason: 'Aucune mesure de tutelle n’est enregistrée pour cette personne.'
				};
			}
			return granted(
				'guardianship',
				person,
				`Vous voyez l’espace ${ofName(who)} car vous exercez sa tutelle (représentation relative à la personne).`
			);
		}
		case 'curatorship_consent':
		case 'caregiver': {
			if (minor) {
				return { allow: false, reason: 'Une délégation ne peut concerner qu’un adulte.' };
			}
			if (grant.basis === 'caregiver' && !options.caregiverAccess) {
				return {
					allow: false,
					reason: 'L’accès des aidants est expérimental et n’est pas activé sur ce service.'
				};
			}
			if (!grant.endsAt || grant.endsAt.getTime() - grant.startsAt.getTime() > MAX_DELEGATION_MS) {
				return { allow: false, reason: 'Une délégation doit être limitée à 12 mois au plus.' };
			}
			const scopes = grant.scopes.filter((s) => s !== undefined);
			const until = frenchDate(grant.endsAt);
			return grant.basis === 'caregiver'
				? granted(
						'caregiver',
						person,
						`Accès expérimental d’aidant : ${who} vous a donné son accord jusqu’au ${until}.`,
						{ scopes, categories: grant.categories, experimental: true, until: grant.endsAt }
					)
				: granted(
						'curatorship_consent',
						person,
						`${who} vous a donné son accord, en tant que curateur ou curatrice, jusqu’au ${until}.`,
						{ scopes, categories: grant.categories, until: grant.endsAt }
					);
		}
	}
}

/** Strongest basis first when an account holds several grants for one person. */
const basisRank: Record<GrantBasis, number> = {
	self: 0,
	guardianship: 1,
	parental_authority: 2,
	curatorship_consent: 3,
	caregiver: 4
};

const noAccess: Denied = { allow: false, reason: 'Vous n’avez pas accès à cet espace santé.' };

/** May this account (holding these grants for this person) reach the person's space? */
export function decideSpace(
	grants: GrantFacts[],
	person: PersonFacts,
	now: Date,
	options: PolicyOptions
): SpaceDecision {
	if (grants.length === 0) {
		const state = spaceState(person);
		return state.allow ? noAccess : state;
	}
	const ordered = [...grants].sort((a, b) => basisRank[a.basis] - basisRank[b.basis]);
	let firstRefusal: Denied | undefined;
	for (const grant of ordered) {
		const decision = decideGrant(grant, person, now, options);
		if (decision.allow) return decision;
		firstRefusal ??= decision;
	}
	return firstRefusal ?? noAccess;
}

/** The delegation scope an action needs; null: any access; 'legal': a legal basis only. */
const scopeOf: Record<Action, GrantScope | null | 'legal'> = {
	view_space: null,
	read_documents: 'documents',
	use_inbox: 'inbox',
	read_appointments: 'appointments',
	send_documents: 'send_documents',
	add_documents: 'add_documents',
	manage_documents: 'legal',
	view_history: 'legal'
};

/** Bases that act as the person: the holder and legal representatives (rules 1, 2 and 4). */
export const legalBases: readonly GrantBasis[] = ['self', 'parental_authority', 'guardianship'];

/** Within a space the account reaches, may it take this action? */
export function decideAction(space: SpaceDecision, action: Action): Decision {
	if (!space.allow) return space;
	const scope = scopeOf[action];
	if (scope === 'legal') {
		return legalBases.includes(space.basis)
			? { allow: true, reason: space.reason }
			: {
					allow: false,
					reason: 'Seuls la personne et ses représentants légaux peuvent faire cela.'
				};
	}
	if (scope === null || space.scopes === 'all' || space.scopes.includes(scope)) {
		return { allow: true, reason: space.reason };
	}
	return { allow: false, reason: 'Cette délégation ne couvre pas cette partie de l’espace.' };
}

/** May this account see this document of a space it reaches? Mirrors `DocumentFilter`. */
export function decideDocument(space: SpaceDecision, document: DocumentFacts): Decision {
	const action = decideAction(space, 'read_documents');
	if (!action.allow || !space.allow) return action;
	if (document.deletedAt) return { allow: false, reason: 'Ce document a été supprimé.' };
	if (document.invisibleToPatient) {
		return {
			allow: false,
			reason:
				'Ce document n’est pas encore visible : le professionnel doit d’abord en parler avec vous.'
		};
	}
	const filter = space.documentFilter;
	if (document.invisibleToLegalRepresentatives && filter.excludeSecretFromRepresentatives) {
		return { allow: false, reason: 'Ce document relève du secret de la personne.' };
	}
	if (filter.categories && !filter.categories.includes(document.category)) {
		return { allow: false, reason: 'Cette délégation ne couvre pas cette catégorie de documents.' };
	}
	return { allow: true, reason: space.reason };
}

/* ---- Professionals, through the API (domain rule 7) ---- */

export type ProfessionalDecision =
	| { allow: true; reason: string }
	| {
			allow: false;
			/** The API problem code the refusal maps to. */
			code: 'space-excluded' | 'space-closed' | 'organisation-blocked';
			reason: string;
	  };

/**
 * May this organisation push into / read this person's space? Only into a space that exists and
 * is open, and never when the person blocked the organisation.
 */
export function decideProfessional(
	person: Pick<PersonFacts, 'exclusion' | 'spaceStatus'>,
	blockedByPerson: boolean
): ProfessionalDecision {
	if (person.exclusion || person.spaceStatus === 'excluded' || person.spaceStatus === 'closed') {
		const state = spaceState(person as PersonFacts);
		const excluded = !!person.exclusion || person.spaceStatus === 'excluded';
		return {
			allow: false,
			code: excluded ? 'space-excluded' : 'space-closed',
			reason: state.reason
		};
	}
	if (blockedByPerson) {
		return {
			allow: false,
			code: 'organisation-blocked',
			reason: 'La personne a bloqué l’accès de votre organisme à son espace santé.'
		};
	}
	return {
		allow: true,
		reason: 'Accès d’un professionnel par l’API : espace ouvert, organisme non bloqué.'
	};
}

/** A professional never sees a document the person hid (MASQUE_PS), nor a deleted one. */
export function professionalMaySee(document: {
	deletedAt: Date | null;
	hiddenFromProfessionals: boolean;
}): boolean {
	return !document.deletedAt && !document.hiddenFromProfessionals;
}
