/**
 * The demo data of shared/design/domain.md, as plain typed data (no I/O): organisations, persons,
 * accounts, grants and documents of every persona, telling the stories of the seed
 * (shared/seeds/000_…txt). Every name, number and story here is fictional.
 *
 * Dates are relative to the moment of seeding (days before it), so the demo always looks recent.
 * In document texts, `{{J-30}}` is replaced by the long French date 30 days before seeding
 * ("mercredi 26 octobre 2026") and `{{d-30}}` by the short one ("26/10/2026"); `+` looks ahead.
 */
import type {
	Exclusion,
	GrantBasis,
	GrantScope,
	OrganisationKind,
	Protection,
	SpaceStatus
} from '../db/schema';
import type { DemoPdfSection } from './pdf';

// ---------------------------------------------------------------------------------------------
// Organisations (domain.md "Demo organisations"; FINESS numbers are fictional, Luhn key valid)

export type OrgKey =
	| 'ch'
	| 'medecin'
	| 'pharmacie'
	| 'infirmier'
	| 'labo'
	| 'ehpad-iris'
	| 'dime'
	| 'camsp'
	| 'esat'
	| 'mdph';

export type DemoOrganisation = {
	key: OrgKey;
	name: string;
	kind: OrganisationKind;
	finess: string;
	mssAddress: string;
	/** Fixed professional API key, accepted in demo mode only. */
	apiKey: string;
};

export const demoOrganisations: readonly DemoOrganisation[] = [
	{
		key: 'ch',
		name: 'Centre hospitalier de démonstration',
		kind: 'hospital',
		finess: '690990015',
		mssAddress: 'secretariat@ch-demo.mssante.fr',
		apiKey: 'demo-ch'
	},
	{
		key: 'medecin',
		name: 'Dr Girard, médecin traitant',
		kind: 'gp',
		finess: '690990023',
		mssAddress: 'cabinet.girard@medecin-demo.mssante.fr',
		apiKey: 'demo-medecin'
	},
	{
		key: 'pharmacie',
		name: 'Pharmacie du Parc',
		kind: 'pharmacy',
		finess: '690990031',
		mssAddress: 'officine@pharmacie-du-parc-demo.mssante.fr',
		apiKey: 'demo-pharmacie'
	},
	{
		key: 'infirmier',
		name: 'Cabinet infirmier des Tilleuls',
		kind: 'nurse',
		finess: '690990049',
		mssAddress: 'cabinet@infirmiers-tilleuls-demo.mssante.fr',
		apiKey: 'demo-infirmier'
	},
	{
		key: 'labo',
		name: 'Laboratoire d’analyses',
		kind: 'lab',
		finess: '690990056',
		mssAddress: 'resultats@labo-demo.mssante.fr',
		apiKey: 'demo-labo'
	},
	{
		key: 'ehpad-iris',
		name: 'EHPAD Iris',
		kind: 'ehpad',
		finess: '690990064',
		mssAddress: 'secretariat@ehpad-iris-demo.mssante.fr',
		apiKey: 'demo-ehpad-iris'
	},
	{
		key: 'dime',
		name: 'DIME la Violette',
		kind: 'dime',
		finess: '690990072',
		mssAddress: 'secretariat@dime-la-violette-demo.mssante.fr',
		apiKey: 'demo-dime'
	},
	{
		key: 'camsp',
		name: 'CAMSP',
		kind: 'camsp',
		finess: '690990080',
		mssAddress: 'secretariat@camsp-demo.mssante.fr',
		apiKey: 'demo-camsp'
	},
	{
		key: 'esat',
		name: 'ESAT des Espaces verts',
		kind: 'esat',
		finess: '690990098',
		mssAddress: 'accueil@esat-espaces-verts-demo.mssante.fr',
		apiKey: 'demo-esat'
	},
	{
		key: 'mdph',
		name: 'MDPH',
		kind: 'mdph',
		finess: '690990106',
		mssAddress: 'notifications@mdph-demo.mssante.fr',
		apiKey: 'demo-mdph'
	}
];

/** Organisation name → its fixed demo API key ("Centre hospitalier de démonstration" → "demo-ch"). */
export const demoApiKeys: Readonly<Record<string, string>> = Object.fromEntries(
	demoOrganisations.map((o) => [o.name, o.apiKey])
);

export function demoOrganisation(key: OrgKey): DemoOrganisation {
	const org = demoOrganisations.find((o) => o.key === key);
	if (!org) throw new Error(`unknown demo organisation ${key}`);
	return org;
}

// ---------------------------------------------------------------------------------------------
// Persons

/** INS-NIR de test (shared/design/interop.md): demo identities are never real ones. */
export const TEST_INS_OID = '1.2.250.1.213.1.4.10';

export type PersonKey =
	| 'irene'
	| 'eleanore'
	| 'daniel'
	| 'christiane'
	| 'samir'
	| 'louis'
	| 'claude'
	| 'ginaud'
	| 'johanna'
	| 'ivan'
	| 'patrick'
	| 'adrien'
	| 'lucas'
	| 'elliot'
	| 'elise'
	| 'rita'
	| 'dominique'
	| 'fille-christiane'
	| 'fille-rita'
	| 'parent1-adrien'
	| 'parent2-adrien'
	| 'parent1-lucas'
	| 'parent2-lucas'
	| 'parent-elliot'
	| 'tuteur-claude'
	| 'curatrice-louis'
	| 'mallory';

export type DemoPerson = {
	key: PersonKey;
	/** The persona's name in domain.md's table, or null for account holders who are not personas. */
	persona: string | null;
	/** Who they are, in a few French words (for documentation and demos). */
	situation: string;
	insMatricule: string;
	insOid: string;
	identityStatus: 'QUAL';
	birthName: string;
	firstGivenName: string;
	givenNames: string;
	usedGivenName: string;
	sex: 'F' | 'M';
	/** YYYY-MM-DD */
	birthDate: string;
	/** INSEE code of the birth commune. */
	birthPlace: string;
	protection: Protection;
	keepsOwnAccess: boolean;
	exclusion: Exclusion | null;
	spaceStatus: SpaceStatus;
};

type PersonInput = Pick<
	DemoPerson,
	| 'key'
	| 'persona'
	| 'situation'
	| 'insMatricule'
	| 'birthName'
	| 'givenNames'
	| 'sex'
	| 'birthDate'
	| 'birthPlace'
> &
	Partial<Pick<DemoPerson, 'protection' | 'keepsOwnAccess' | 'exclusion' | 'spaceStatus'>> & {
		/** Defaults to the first given name, title-cased. */
		usedGivenName?: string;
	};

function person(p: PersonInput): DemoPerson {
	const firstGivenName = p.givenNames.split(' ')[0]!;
	return {
		insOid: TEST_INS_OID,
		identityStatus: 'QUAL',
		protection: 'none',
		keepsOwnAccess: true,
		exclusion: null,
		spaceStatus: 'active',
		...p,
		firstGivenName,
		usedGivenName: p.usedGivenName ?? firstGivenName
	};
}

/**
 * Identities given in domain.md are copied exactly; the others are generated the same way: the NIR
 * encodes sex, year and month of birth and the INSEE birth place, and its key is valid.
 */
export const demoPersons: readonly DemoPerson[] = [
	// --- Personas with the identities of domain.md
	person({
		key: 'irene',
		persona: 'Irène',
		situation: 'personne âgée vivant seule à domicile, suivie par un SSIAD',
		insMatricule: '238027306501056',
		birthName: 'FAURE',
		givenNames: 'Irène Jeanne',
		sex: 'F',
		birthDate: '1938-02-25',
		birthPlace: '73065'
	}),
	person({
		key: 'christiane',
		persona: 'Christiane',
		situation: 'vit en résidence autonomie ; sa fille l’aide (aidante, expérimental)',
		insMatricule: '243056912304535',
		birthName: 'DUBOIS',
		givenNames: 'Christiane Marie',
		sex: 'F',
		birthDate: '1943-05-12',
		birthPlace: '69123'
	}),
	person({
		key: 'rita',
		persona: 'Rita',
		situation: 'diabétique, amputée de la jambe droite, entrée à l’EHPAD Iris ; sa fille l’aide',
		insMatricule: '237070105308883',
		birthName: 'PERRIN',
		givenNames: 'Rita',
		sex: 'F',
		birthDate: '1937-07-07',
		birthPlace: '01053'
	}),
	person({
		key: 'louis',
		persona: 'Louis',
		situation: 'handicap psychique, vit à domicile, sous curatelle',
		insMatricule: '166016926605823',
		birthName: 'BERNARD',
		givenNames: 'Louis Henri',
		sex: 'M',
		birthDate: '1966-01-30',
		birthPlace: '69266',
		protection: 'curatorship'
	}),
	person({
		key: 'ivan',
		persona: 'Ivan',
		situation: 'travaille en ESAT, accompagné par un SAVS et le CMP',
		insMatricule: '180032A00401289',
		birthName: 'COLONNA',
		givenNames: 'Ivan',
		sex: 'M',
		birthDate: '1980-03-14',
		birthPlace: '2A004'
	}),
	person({
		key: 'patrick',
		persona: 'Patrick',
		situation: 'travaille en ESAT, renouvellement de son orientation professionnelle (ORP)',
		insMatricule: '179112636214469',
		birthName: 'GARNIER',
		givenNames: 'Patrick Alain',
		sex: 'M',
		birthDate: '1979-11-08',
		birthPlace: '26362'
	}),
	person({
		key: 'adrien',
		persona: 'Adrien',
		situation: 'enfant en situation de handicap intellectuel, accueilli au DIME la Violette',
		insMatricule: '116066311320181',
		birthName: 'LEFEBVRE',
		givenNames: 'Adrien Paul',
		sex: 'M',
		birthDate: '2016-06-20',
		birthPlace: '63113'
	}),
	person({
		key: 'lucas',
		persona: 'Lucas',
		situation: 'jeune enfant suivi par le CAMSP (retard global du développement)',
		insMatricule: '122027401003365',
		birthName: 'MOREAU',
		givenNames: 'Lucas',
		sex: 'M',
		birthDate: '2022-02-14',
		birthPlace: '74010'
	}),
	person({
		key: 'elliot',
		persona: 'Elliot',
		situation: 'adolescent suivi dans le cadre d’une mesure d’AEMO',
		insMatricule: '111093818511245',
		birthName: 'MARTIN',
		givenNames: 'Elliot Noah',
		sex: 'M',
		birthDate: '2011-09-02',
		birthPlace: '38185'
	}),
	person({
		key: 'elise',
		persona: 'Elise',
		situation: 'placée en MECS, mineure assurée ouvrant droit : exclue de l’espace santé',
		insMatricule: '210044221807765',
		birthName: 'ROUX',
		givenNames: 'Elise Camille',
		sex: 'F',
		birthDate: '2010-04-18',
		birthPlace: '42218',
		exclusion: 'insured_in_own_right',
		spaceStatus: 'excluded'
	}),
	person({
		key: 'dominique',
		persona: 'Dominique',
		situation: 'patiente de test des exemples publiés par l’ANS',
		insMatricule: '279035121518989',
		birthName: 'PAT-TROIS',
		givenNames: 'DOMINIQUE MARIE-LOUISE',
		usedGivenName: 'Dominique',
		sex: 'F',
		birthDate: '1979-03-28',
		birthPlace: '51215'
	}),
	// --- Personas with generated identities
	person({
		key: 'eleanore',
		persona: 'Eléanore',
		situation: '88 ans, vit à l’EHPAD Iris',
		insMatricule: '238046311304745',
		birthName: 'LAMBERT',
		givenNames: 'Eléanore Suzanne',
		sex: 'F',
		birthDate: '1938-04-17',
		birthPlace: '63113' // Clermont-Ferrand
	}),
	person({
		key: 'daniel',
		persona: 'Daniel',
		situation: '85 ans, maladie d’Alzheimer, admis à l’EHPAD Iris après une rééducation',
		insMatricule: '141012123105211',
		birthName: 'MERCIER',
		givenNames: 'Daniel Georges',
		sex: 'M',
		birthDate: '1941-01-15',
		birthPlace: '21231' // Dijon
	}),
	person({
		key: 'samir',
		persona: 'Samir',
		situation: '78 ans, maladie d’Alzheimer, vit à l’EHPAD Iris et fréquente un PASA',
		insMatricule: '148051305511821',
		birthName: 'HADDAD',
		givenNames: 'Samir Karim',
		sex: 'M',
		birthDate: '1948-05-02',
		birthPlace: '13055' // Marseille
	}),
	person({
		key: 'claude',
		persona: 'Monsieur Claude',
		situation: 'vit en foyer de vie, sous tutelle (il garde son propre accès)',
		insMatricule: '162094221811435',
		birthName: 'VIDAL',
		givenNames: 'Claude Marcel',
		sex: 'M',
		birthDate: '1962-09-04',
		birthPlace: '42218', // Saint-Étienne
		protection: 'guardianship',
		keepsOwnAccess: true
	}),
	person({
		key: 'ginaud',
		persona: 'Monsieur Ginaud',
		situation: 'travaille en ESAT, vit en foyer d’hébergement',
		insMatricule: '187046926620361',
		birthName: 'GINAUD',
		givenNames: 'Marc Pierre',
		sex: 'M',
		birthDate: '1987-04-11',
		birthPlace: '69266' // Villeurbanne
	}),
	person({
		key: 'johanna',
		persona: 'Johanna',
		situation: '26 ans, foyer d’hébergement, stage en ESAT, diabétique',
		insMatricule: '200023818507769',
		birthName: 'PETIT',
		givenNames: 'Johanna Lou',
		sex: 'F',
		birthDate: '2000-02-09',
		birthPlace: '38185' // Grenoble
	}),
	// --- Account holders who are not personas (generated identities)
	person({
		key: 'fille-christiane',
		persona: null,
		situation: 'fille de Christiane, aidante (expérimental)',
		insMatricule: '268036926604121',
		birthName: 'LEROY',
		givenNames: 'Sylvie Anne',
		sex: 'F',
		birthDate: '1968-03-14',
		birthPlace: '69266' // Villeurbanne
	}),
	person({
		key: 'fille-rita',
		persona: null,
		situation: 'fille de Rita, aidante (expérimental)',
		insMatricule: '262080105312697',
		birthName: 'GAUTHIER',
		givenNames: 'Nathalie Rose',
		sex: 'F',
		birthDate: '1962-08-02',
		birthPlace: '01053' // Bourg-en-Bresse
	}),
	person({
		key: 'parent1-adrien',
		persona: null,
		situation: 'père d’Adrien, titulaire de l’autorité parentale',
		insMatricule: '184056311323495',
		birthName: 'LEFEBVRE',
		givenNames: 'Julien Marc',
		sex: 'M',
		birthDate: '1984-05-19',
		birthPlace: '63113' // Clermont-Ferrand
	}),
	person({
		key: 'parent2-adrien',
		persona: null,
		situation: 'mère d’Adrien, titulaire de l’autorité parentale',
		insMatricule: '286110331001942',
		birthName: 'MARCHAND',
		givenNames: 'Sophie Claire',
		sex: 'F',
		birthDate: '1986-11-30',
		birthPlace: '03310' // Vichy
	}),
	person({
		key: 'parent1-lucas',
		persona: null,
		situation: 'père de Lucas, titulaire de l’autorité parentale',
		insMatricule: '190077401015586',
		birthName: 'MOREAU',
		givenNames: 'Thomas Louis',
		sex: 'M',
		birthDate: '1990-07-08',
		birthPlace: '74010' // Annecy
	}),
	person({
		key: 'parent2-lucas',
		persona: null,
		situation: 'mère de Lucas, titulaire de l’autorité parentale, travaille à l’étranger',
		insMatricule: '292027306508848',
		birthName: 'BENALI',
		givenNames: 'Inès Leïla',
		sex: 'F',
		birthDate: '1992-02-27',
		birthPlace: '73065' // Chambéry
	}),
	person({
		key: 'parent-elliot',
		persona: null,
		situation: 'mère d’Elliot, titulaire de l’autorité parentale',
		insMatricule: '283062B03306118',
		birthName: 'MARTIN',
		givenNames: 'Laetitia Marie',
		sex: 'F',
		birthDate: '1983-06-12',
		birthPlace: '2B033' // Bastia
	}),
	person({
		key: 'tuteur-claude',
		persona: null,
		situation: 'frère et tuteur de Monsieur Claude',
		insMatricule: '158024221807264',
		birthName: 'VIDAL',
		givenNames: 'Henri Paul',
		sex: 'M',
		birthDate: '1958-02-17',
		birthPlace: '42218' // Saint-Étienne
	}),
	person({
		key: 'curatrice-louis',
		persona: null,
		situation: 'curatrice de Louis (mandataire judiciaire), sans accès à son espace santé',
		insMatricule: '271122636209390',
		birthName: 'FABRE',
		givenNames: 'Martine Odile',
		sex: 'F',
		birthDate: '1971-12-01',
		birthPlace: '26362' // Valence
	}),
	person({
		key: 'mallory',
		persona: null,
		situation: 'adulte sans lien avec les autres personnes de la démonstration',
		insMatricule: '290054410920129',
		birthName: 'DURAND',
		givenNames: 'Mallory Jeanne',
		sex: 'F',
		birthDate: '1990-05-09',
		birthPlace: '44109' // Nantes
	})
];

export function demoPerson(key: PersonKey): DemoPerson {
	const p = demoPersons.find((x) => x.key === key);
	if (!p) throw new Error(`unknown demo person ${key}`);
	return p;
}

// ---------------------------------------------------------------------------------------------
// Accounts (domain.md "Demo accounts": the emails are a contract)

export type DemoAccount = { email: string; displayName: string; person: PersonKey };

export const demoAccounts: readonly DemoAccount[] = [
	{ email: 'irene@relais.test', displayName: 'Irène Faure', person: 'irene' },
	{ email: 'eleanore@relais.test', displayName: 'Eléanore Lambert', person: 'eleanore' },
	{ email: 'daniel@relais.test', displayName: 'Daniel Mercier', person: 'daniel' },
	{ email: 'samir@relais.test', displayName: 'Samir Haddad', person: 'samir' },
	{ email: 'ginaud@relais.test', displayName: 'Marc Ginaud', person: 'ginaud' },
	{ email: 'johanna@relais.test', displayName: 'Johanna Petit', person: 'johanna' },
	{ email: 'ivan@relais.test', displayName: 'Ivan Colonna', person: 'ivan' },
	{ email: 'patrick@relais.test', displayName: 'Patrick Garnier', person: 'patrick' },
	{ email: 'rita@relais.test', displayName: 'Rita Perrin', person: 'rita' },
	{ email: 'christiane@relais.test', displayName: 'Christiane Dubois', person: 'christiane' },
	{ email: 'louis@relais.test', displayName: 'Louis Bernard', person: 'louis' },
	{ email: 'claude@relais.test', displayName: 'Claude Vidal', person: 'claude' },
	{
		email: 'fille-christiane@relais.test',
		displayName: 'Sylvie Leroy (fille de Christiane)',
		person: 'fille-christiane'
	},
	{
		email: 'fille-rita@relais.test',
		displayName: 'Nathalie Gauthier (fille de Rita)',
		person: 'fille-rita'
	},
	{
		email: 'parent1-adrien@relais.test',
		displayName: 'Julien Lefebvre (père d’Adrien)',
		person: 'parent1-adrien'
	},
	{
		email: 'parent2-adrien@relais.test',
		displayName: 'Sophie Marchand (mère d’Adrien)',
		person: 'parent2-adrien'
	},
	{
		email: 'parent1-lucas@relais.test',
		displayName: 'Thomas Moreau (père de Lucas)',
		person: 'parent1-lucas'
	},
	{
		email: 'parent2-lucas@relais.test',
		displayName: 'Inès Benali (mère de Lucas)',
		person: 'parent2-lucas'
	},
	{
		email: 'parent-elliot@relais.test',
		displayName: 'Laetitia Martin (mère d’Elliot)',
		person: 'parent-elliot'
	},
	{
		email: 'tuteur-claude@relais.test',
		displayName: 'Henri Vidal (tuteur de Claude)',
		person: 'tuteur-claude'
	},
	{
		email: 'curatrice-louis@relais.test',
		displayName: 'Martine Fabre (curatrice de Louis)',
		person: 'curatrice-louis'
	},
	{ email: 'mallory@relais.test', displayName: 'Mallory Durand', person: 'mallory' },
	{ email: 'dominique@relais.test', displayName: 'Dominique Pat-Trois', person: 'dominique' }
];

// ---------------------------------------------------------------------------------------------
// Grants (domain.md "Who may do what")

export type DemoGrant = {
	/** Email of the account that receives access. */
	account: string;
	person: PersonKey;
	basis: GrantBasis;
	scopes: GrantScope[];
	/** Document categories a delegation may read; empty = all. */
	categories: string[];
	startsDaysAgo: number;
	/** Months after seeding when the grant ends; null = no end (majority ends parental access). */
	endsInMonths: number | null;
	/** Email of the account that consented (delegations only). */
	grantedBy: string | null;
};

const SELF_SINCE_DAYS = 400;

function legal(account: string, person: PersonKey, basis: GrantBasis): DemoGrant {
	return {
		account,
		person,
		basis,
		scopes: [],
		categories: [],
		startsDaysAgo: SELF_SINCE_DAYS,
		endsInMonths: null,
		grantedBy: null
	};
}

function caregiver(account: string, person: PersonKey, grantedBy: string): DemoGrant {
	return {
		account,
		person,
		basis: 'caregiver',
		scopes: ['documents', 'inbox', 'appointments', 'send_documents'],
		categories: [],
		startsDaysAgo: 30,
		endsInMonths: 6,
		grantedBy
	};
}

/**
 * Every account reaches its own person ('self'); parents, the tuteur and the two daughters reach
 * the person they act for. The curatrice has no grant: Louis has not consented.
 */
export const demoGrants: readonly DemoGrant[] = [
	...demoAccounts.map((a) => legal(a.email, a.person, 'self')),
	legal('parent1-adrien@relais.test', 'adrien', 'parental_authority'),
	legal('parent2-adrien@relais.test', 'adrien', 'parental_authority'),
	legal('parent1-lucas@relais.test', 'lucas', 'parental_authority'),
	legal('parent2-lucas@relais.test', 'lucas', 'parental_authority'),
	legal('parent-elliot@relais.test', 'elliot', 'parental_authority'),
	legal('tuteur-claude@relais.test', 'claude', 'guardianship'),
	caregiver('fille-christiane@relais.test', 'christiane', 'christiane@relais.test'),
	caregiver('fille-rita@relais.test', 'rita', 'rita@relais.test')
];

// ---------------------------------------------------------------------------------------------
// Document types (JDV_J07, shared/fixtures/terminology/JDV_J07_XdsTypeCode_CISIS.xml)

export const LOINC = '2.16.840.1.113883.6.1';
/** ANS codes of JDV_J07 (TRE_A05-TypeDocComplementaire). */
export const ANS_TYPES = '1.2.250.1.213.1.1.4.12';
/**
 * MDPH notifications have no JDV_J07 code: we use our own code, mapped to the "Notifications
 * MDPH" category in documents/categories.ts.
 */
export const RELAIS_TYPES = 'urn:relais:type-document';

export type DocType = { code: string; system: string; display: string };

/** Codes, systems and display names exactly as in JDV_J07 (straight apostrophes included). */

export const docTypes = {
	ordonnance: { code: '57833-6', system: LOINC, display: 'Prescription de produits de santé' },
	prescriptionSoins: { code: '57832-8', system: LOINC, display: 'Prescription de soins' },
	prescriptionInfirmier: {
		code: 'PRESC-INF',
		system: ANS_TYPES,
		display: "Prescription d'actes infirmiers"
	},
	prescriptionBiologie: {
		code: 'PRESC-BIO',
		system: ANS_TYPES,
		display: "Prescription d'actes de biologie médicale"
	},
	prescriptionKine: {
		code: 'PRESC-KINE',
		system: ANS_TYPES,
		display: "Prescription d'actes de kinésithérapie"
	},
	prescriptionOrthophonie: {
		code: 'PRESC-ORTHOPHO',
		system: ANS_TYPES,
		display: "Prescription d'actes d'orthophonie"
	},
	arretTravail: { code: 'PRESC-AAT', system: ANS_TYPES, display: 'Prescription arrêt de travail' },
	biologie: { code: '11502-2', system: LOINC, display: "CR d'examens biologiques" },
	imagerie: { code: '18748-4', system: LOINC, display: "CR d'imagerie médicale" },
	hospitalisation: { code: '34112-3', system: LOINC, display: 'CR hospitalier (séjour)' },
	lettreSortie: {
		code: '11490-0',
		system: LOINC,
		display: "Lettre de liaison à la sortie d'un établissement de soins"
	},
	urgences: { code: '15507-7', system: LOINC, display: 'CR de passage aux urgences' },
	consultation: {
		code: '11488-4',
		system: LOINC,
		display: 'CR ou fiche de consultation ou de visite'
	},
	bilanProfessionnel: {
		code: '34120-6',
		system: LOINC,
		display: 'Bilan par professionnel de santé'
	},
	dlu: { code: '74207-2', system: LOINC, display: "Document de liaison d'urgence" },
	projetPersonnalise: {
		code: '80788-3',
		system: LOINC,
		display: "Projet personnalisé d'accompagnement"
	},
	medicoSocial: {
		code: '28653-4',
		system: LOINC,
		display: 'Document du secteur social / médico-social'
	},
	rendezVous: { code: '56446-8', system: LOINC, display: 'Notification de rendez-vous' },
	mdph: { code: 'MDPH-NOTIF', system: RELAIS_TYPES, display: 'Notification de décision MDPH' }
} as const satisfies Record<string, DocType>;

// ---------------------------------------------------------------------------------------------
// Documents

/** An MDPH decision carried by a notification (JDV_J402 right), for the MDPH screens. */
export type DemoDecision = {
	rightCode: string;
	rightDisplay: string;
	/** Days before seeding when the right opened. */
	opensDaysAgo: number;
	/** Days after seeding when the right ends. */
	endsInDays: number;
};

type DemoDocumentCommon = {
	/** Stable key inside the demo data ("samir-dlu-v2"). */
	key: string;
	person: PersonKey;
	type: DocType;
	title: string;
	authorName: string;
	/** Sending organisation; null when the author's structure is not a demo organisation. */
	organisation: OrgKey | null;
	/** Header of the PDF when `organisation` is null. */
	issuer?: string;
	hiddenFromProfessionals?: boolean;
	invisibleToPatient?: boolean;
	/** The minor's secret: parents never see it. */
	invisibleToLegalRepresentatives?: boolean;
	/** Version chain: documents sharing `set` are versions of one document. */
	version?: { set: string; number: number; replaces?: string };
	decision?: DemoDecision;
};

/** A document whose PDF we generate with pdf.ts. */
export type GeneratedDemoDocument = DemoDocumentCommon & {
	/** Written that many days before seeding. */
	daysAgo: number;
	/** Hour (UTC) of the day it was written; 9 by default. */
	atHour?: number;
	sections: DemoPdfSection[];
};

/** A real published PDF shipped in demo/assets. */
export type AssetDemoDocument = DemoDocumentCommon & {
	asset: 'lab-report-dominique';
	/** ISO date the document was written (its CDA effectiveTime). */
	authoredAt: string;
	receivedDaysAgo: number;
};

export type DemoDocument = GeneratedDemoDocument | AssetDemoDocument;

const irene: GeneratedDemoDocument[] = [
	{
		key: 'irene-ordonnance-plaie',
		person: 'irene',
		type: docTypes.ordonnance,
		title: 'Ordonnance — soins de la plaie du talon gauche',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 3,
		sections: [
			{
				heading: 'Prescription',
				paragraphs: [
					'• Sérum physiologique, unidoses de 10 ml : 1 boîte de 30. Lavage de la plaie à chaque réfection du pansement.',
					'• Pansement hydrocellulaire adhésif 10 × 10 cm : 1 boîte de 10. Un pansement tous les 2 jours.',
					'• Compresses stériles non tissées 7,5 × 7,5 cm : 2 boîtes de 25.',
					'• Bande de crêpe 7 cm : 2 rouleaux.',
					'• Paracétamol 500 mg : 2 gélules si douleur, 3 fois par jour au maximum, 4 heures au moins entre deux prises.',
					'Quantités pour 15 jours. Livraison à domicile souhaitée (la patiente vit seule).'
				]
			},
			{
				heading: 'Soins infirmiers',
				paragraphs: [
					'Réfection du pansement de la plaie du talon gauche par une infirmière diplômée d’État, à domicile, tous les 2 jours pendant 15 jours, dimanches et jours fériés compris. Décharge du talon au lit (coussin de décharge).',
					'Prévenir le médecin si rougeur qui s’étend, écoulement, fièvre ou douleur qui augmente.'
				]
			},
			{
				paragraphs: [
					'Fait à Chambéry, le {{d-3}}. Ordonnance fictive, établie pour la démonstration.'
				]
			}
		]
	},
	{
		key: 'irene-presc-infirmier',
		person: 'irene',
		type: docTypes.prescriptionInfirmier,
		title: 'Prescription de soins infirmiers à domicile',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 3,
		atHour: 10,
		sections: [
			{
				paragraphs: [
					'Soins infirmiers à domicile pour Mme Irène Faure : pansement de plaie du talon gauche (escarre de stade 2), avec lavage au sérum physiologique et pansement hydrocellulaire, tous les 2 jours pendant 15 jours.',
					'Surveillance de l’état cutané des deux talons et des points d’appui à chaque passage, en lien avec l’équipe du SSIAD.',
					'Photo de la plaie à J7, à transmettre au médecin par messagerie sécurisée avec l’accord de la patiente.'
				]
			}
		]
	},
	{
		key: 'irene-biologie',
		person: 'irene',
		type: docTypes.biologie,
		title: 'Compte rendu d’examens biologiques — bilan nutritionnel',
		authorName: 'Dr Sylvie Caron, biologiste',
		organisation: 'labo',
		daysAgo: 18,
		sections: [
			{
				heading: 'Prélèvement à domicile du {{J-18}}',
				paragraphs: [
					'Hémoglobine : 12,1 g/dl (valeurs de référence 12,0 à 16,0)',
					'Leucocytes : 7,2 G/l (4,0 à 10,0)',
					'Protéine C réactive (CRP) : 6 mg/l (< 5) — discrètement augmentée',
					'Albumine : 33 g/l (35 à 50) — basse',
					'Glycémie à jeun : 0,98 g/l (0,70 à 1,10)',
					'Créatinine : 78 µmol/l — DFG estimé (CKD-EPI) : 61 ml/min/1,73 m²'
				]
			},
			{
				heading: 'Commentaire',
				paragraphs: [
					'Albumine basse compatible avec une dénutrition modérée, à prendre en compte pour la cicatrisation. Résultats transmis au médecin traitant.'
				]
			}
		]
	}
];

const eleanore: GeneratedDemoDocument[] = [
	{
		key: 'eleanore-ordonnance-dermato',
		person: 'eleanore',
		type: docTypes.ordonnance,
		title: 'Ordonnance — nouveau protocole de pansement de l’ulcère',
		authorName: 'Dr Claire Morel, dermatologue',
		organisation: null,
		issuer: 'Dr Claire Morel, dermatologue libérale — téléexpertise',
		daysAgo: 12,
		sections: [
			{
				heading: 'Avis de téléexpertise',
				paragraphs: [
					'Ulcère de jambe gauche d’origine veineuse, fibrineux, douloureux, sans signe d’infection sur les photos transmises par l’infirmière de l’EHPAD Iris.'
				]
			},
			{
				heading: 'Prescription',
				paragraphs: [
					'• Détersion mécanique douce à chaque soin après lavage à l’eau et au savon doux.',
					'• Pansement à l’alginate de calcium 10 × 10 cm : 1 boîte de 10, à renouveler tous les 2 jours.',
					'• Compresses stériles et bande de fixation.',
					'• Compression veineuse par bandes à allongement court, posées le matin et retirées le soir.',
					'• Lidocaïne/prilocaïne crème 5 % : application 30 minutes avant le soin si douleur.',
					'Réévaluation par téléexpertise dans 3 semaines avec de nouvelles photos.'
				]
			}
		]
	},
	{
		key: 'eleanore-ordonnance-cardio',
		person: 'eleanore',
		type: docTypes.ordonnance,
		title: 'Ordonnance — traitement de l’arythmie',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 6,
		sections: [
			{
				heading: 'Après la téléconsultation du {{J-6}} (ECG réalisé par l’infirmière)',
				paragraphs: [
					'• Bisoprolol 1,25 mg : 1 comprimé le matin.',
					'• Apixaban 2,5 mg : 1 comprimé matin et soir.',
					'• Furosémide 20 mg : 1 comprimé le matin (inchangé).',
					'Surveillance de la fréquence cardiaque et de la tension artérielle matin et soir pendant 7 jours ; appeler le médecin si pouls inférieur à 50 ou supérieur à 120 par minute, malaise ou essoufflement.',
					'Ordonnance pour 1 mois.'
				]
			}
		]
	},
	{
		key: 'eleanore-dlu',
		person: 'eleanore',
		type: docTypes.dlu,
		title: 'Dossier de liaison d’urgence (DLU)',
		authorName: 'Claire Dupont, infirmière',
		organisation: 'ehpad-iris',
		daysAgo: 4,
		sections: [
			{
				heading: 'Motif du transfert',
				paragraphs: [
					'Malaise avec palpitations et essoufflement ce jour, fréquence cardiaque irrégulière à 130 par minute malgré le traitement débuté il y a 2 jours.'
				]
			},
			{
				heading: 'Antécédents',
				paragraphs: [
					'Fibrillation atriale découverte récemment. Insuffisance veineuse avec ulcère de jambe gauche. Hypertension artérielle. Prothèse totale de hanche droite (2015).'
				]
			},
			{
				heading: 'Traitements en cours',
				paragraphs: [
					'Bisoprolol 1,25 mg le matin ; apixaban 2,5 mg matin et soir ; furosémide 20 mg le matin ; paracétamol si douleur. Allergie : pénicilline (urticaire).'
				]
			},
			{
				heading: 'Autonomie et habitudes de vie',
				paragraphs: [
					'Marche avec un déambulateur. Orientée, légère hypoacousie (appareillée à droite). Mange seule, texture normale.',
					'Personne de confiance : sa nièce, Mme Agnès Lambert. Pas de directives anticipées rédigées.'
				]
			}
		]
	},
	{
		key: 'eleanore-urgences',
		person: 'eleanore',
		type: docTypes.urgences,
		title: 'Compte rendu de passage aux urgences',
		authorName: 'Dr Antoine Rochette, urgentiste',
		organisation: 'ch',
		daysAgo: 3,
		atHour: 23,
		sections: [
			{
				heading: 'Motif',
				paragraphs: [
					'Patiente de 88 ans adressée par l’EHPAD Iris pour palpitations et dyspnée. DLU consulté dans son dossier médical partagé ; INS qualifiée à l’accueil.'
				]
			},
			{
				heading: 'Examen et examens complémentaires',
				paragraphs: [
					'Fibrillation atriale rapide à 128 par minute, tension 132/78, saturation 95 % en air ambiant. Pas de signe d’insuffisance cardiaque décompensée. Troponine négative, kaliémie 4,1 mmol/l, TSH normale.'
				]
			},
			{
				heading: 'Conclusion et conduite à tenir',
				paragraphs: [
					'Ralentissement obtenu sous bisoprolol augmenté à 2,5 mg. Retour à l’EHPAD dans la nuit. Surveillance des constantes (pouls, tension, saturation) toutes les 4 heures pendant 24 heures puis matin et soir. Avis du médecin traitant sous 48 heures. Nouvelle ordonnance jointe.'
				]
			}
		]
	},
	{
		key: 'eleanore-ordonnance-sortie',
		person: 'eleanore',
		type: docTypes.ordonnance,
		title: 'Ordonnance de sortie des urgences',
		authorName: 'Dr Antoine Rochette, urgentiste',
		organisation: 'ch',
		daysAgo: 3,
		atHour: 23,
		sections: [
			{
				paragraphs: [
					'• Bisoprolol 2,5 mg : 1 comprimé le matin (remplace le bisoprolol 1,25 mg).',
					'• Apixaban 2,5 mg : 1 comprimé matin et soir.',
					'• Furosémide 20 mg : 1 comprimé le matin.',
					'Durée : 1 mois. À réévaluer par le médecin traitant.'
				]
			}
		]
	}
];

const daniel: GeneratedDemoDocument[] = [
	{
		key: 'daniel-cr-ssr',
		person: 'daniel',
		type: docTypes.hospitalisation,
		title: 'Compte rendu d’hospitalisation — service de rééducation',
		authorName: 'Dr Isabelle Fontaine, médecin de rééducation',
		organisation: 'ch',
		daysAgo: 42,
		sections: [
			{
				heading: 'Séjour',
				paragraphs: [
					'Hospitalisation de 3 semaines en soins médicaux et de réadaptation après ostéosynthèse d’une fracture du col du fémur droit.'
				]
			},
			{
				heading: 'Évolution',
				paragraphs: [
					'Reprise de la marche avec aide technique ; déambulation importante. Maladie d’Alzheimer à un stade avancé (MMS 11/30), désorientation temporo-spatiale. Le retour à domicile n’est pas possible : une demande d’admission en EHPAD avec unité protégée a été faite avec l’assistante sociale (dossier unique d’admission).'
				]
			},
			{
				heading: 'Traitement de sortie',
				paragraphs: [
					'Donépézil 5 mg le soir ; énoxaparine 4 000 UI par jour jusqu’au {{d-20}} ; paracétamol 1 g si douleur, 3 fois par jour au maximum ; cholécalciférol 100 000 UI tous les 3 mois.'
				]
			}
		]
	},
	{
		key: 'daniel-projet',
		person: 'daniel',
		type: docTypes.projetPersonnalise,
		title: 'Projet d’accompagnement personnalisé',
		authorName: 'Équipe de l’unité protégée, EHPAD Iris',
		organisation: 'ehpad-iris',
		daysAgo: 20,
		sections: [
			{
				heading: 'Ce que Daniel aime',
				paragraphs: [
					'Marcher dans le jardin, écouter de l’accordéon, regarder les photos de sa famille. Il a été menuisier : il aime toucher le bois et ranger des objets.'
				]
			},
			{
				heading: 'Objectifs partagés avec Daniel et son cousin',
				paragraphs: [
					'• Garder la marche en sécurité : accompagnement dans le jardin chaque après-midi.',
					'• Limiter l’anxiété de fin de journée : activité calme à 17 h, musique.',
					'• Maintenir le lien familial : appel vidéo avec son cousin le dimanche.',
					'Projet élaboré avec le SSIAD qui le suivait à domicile ; réévaluation dans 6 mois.'
				]
			}
		]
	},
	{
		key: 'daniel-dlu',
		person: 'daniel',
		type: docTypes.dlu,
		title: 'Dossier de liaison d’urgence (DLU)',
		authorName: 'Dr Bernard Achard, médecin coordonnateur',
		organisation: 'ehpad-iris',
		daysAgo: 20,
		atHour: 11,
		sections: [
			{
				heading: 'Informations essentielles',
				paragraphs: [
					'Maladie d’Alzheimer à un stade avancé. Fracture du col du fémur droit opérée il y a 2 mois. Risque de fugue : accompagner en permanence hors de l’unité.',
					'Traitements : donépézil 5 mg le soir ; paracétamol si douleur. Pas d’allergie connue.',
					'Personne de confiance : son cousin, M. Jean Mercier. Directives anticipées : oui, copie au dossier de l’EHPAD.'
				]
			}
		]
	}
];

const christiane: GeneratedDemoDocument[] = [
	{
		key: 'christiane-ordonnance-ancienne',
		person: 'christiane',
		type: docTypes.ordonnance,
		title: 'Ordonnance — traitement de l’hypertension',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 24,
		sections: [
			{
				paragraphs: [
					'• Amlodipine 10 mg : 1 comprimé le matin.',
					'• Ramipril 5 mg : 1 comprimé le matin (nouveau).',
					'• Atorvastatine 20 mg : 1 comprimé le soir.',
					'Ordonnance pour 3 mois. Préparation du pilulier par l’infirmière.'
				]
			}
		]
	},
	{
		key: 'christiane-presc-infirmier',
		person: 'christiane',
		type: docTypes.prescriptionInfirmier,
		title: 'Prescription de soins infirmiers — pilulier et surveillance tensionnelle',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 24,
		atHour: 10,
		sections: [
			{
				paragraphs: [
					'Préparation hebdomadaire du pilulier et surveillance de la prise des médicaments, à la résidence autonomie, pendant 3 mois.',
					'Prise de la tension artérielle deux fois par semaine, et en cas de malaise.'
				]
			}
		]
	},
	{
		key: 'christiane-ordonnance-nouvelle',
		person: 'christiane',
		type: docTypes.ordonnance,
		title: 'Ordonnance — adaptation du traitement après un malaise',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 1,
		atHour: 16,
		sections: [
			{
				heading: 'Contexte',
				paragraphs: [
					'Malaise sans perte de connaissance pendant l’activité danse ; tension mesurée par l’infirmière libérale le soir : 98/56 couchée, 86/50 debout. Hypotension liée à l’association récente de deux antihypertenseurs.'
				]
			},
			{
				heading: 'Nouveau traitement (remplace l’ordonnance précédente)',
				paragraphs: [
					'• Amlodipine 5 mg : 1 comprimé le matin (dose diminuée).',
					'• Ramipril : arrêt.',
					'• Atorvastatine 20 mg : 1 comprimé le soir (inchangé).',
					'Médicaments à retirer rapidement à la pharmacie ; pilulier à refaire par l’infirmière dès leur arrivée. Nouvelle prise de tension dans 48 heures.'
				]
			}
		]
	}
];

const samirDlu = (version: 1 | 2): GeneratedDemoDocument['sections'] => [
	{
		heading: 'Informations essentielles',
		paragraphs: [
			'Maladie d’Alzheimer à un stade avancé. Hypertension artérielle. Diabète de type 2 non insulinodépendant.',
			'Accueilli au PASA deux jours par semaine (mardi et jeudi), repas de midi pris au PASA.',
			'Allergie : aucune connue. Personne de confiance : sa fille, Mme Nadia Haddad.'
		]
	},
	{
		heading: 'Traitements',
		paragraphs:
			version === 1
				? [
						'• Matin : metformine 500 mg, amlodipine 5 mg.',
						'• Midi (à donner au PASA) : metformine 500 mg.',
						'• Soir : mémantine 20 mg.',
						'• Si besoin : paracétamol 1 g en cas de douleur, 3 fois par jour au maximum.'
					]
				: [
						'• Matin : metformine 500 mg, amlodipine 5 mg.',
						'• Midi (à donner au PASA) : metformine 500 mg, vitamine D (cholécalciférol) 1 ampoule le 1er du mois.',
						'• Soir : mémantine 20 mg.',
						'• Si besoin : paracétamol 1 g en cas de douleur, 3 fois par jour au maximum ; oxazépam 10 mg en cas d’agitation importante le soir, une fois par jour au maximum.'
					]
	},
	{
		heading: 'Autonomie et habitudes de vie',
		paragraphs:
			version === 1
				? [
						'Marche seul, sans aide technique. Désorienté dans le temps. Aime la musique orientale et le jardinage. Se couche vers 21 h.'
					]
				: [
						'Chute sans gravité le {{J-9}} au retour du PASA : marche désormais accompagné dans les escaliers, chaussures fermées. Désorienté dans le temps. Réactions d’opposition plus fréquentes en fin de journée : proposer une activité calme. Aime la musique orientale et le jardinage. Se couche vers 21 h.'
					]
	},
	{
		paragraphs: [
			version === 1
				? 'Version 1 du DLU, établie à l’entrée au PASA.'
				: 'Version 2 du DLU : remplace la version 1 (mise à jour après la chute et l’adaptation du traitement).'
		]
	}
];

const samir: GeneratedDemoDocument[] = [
	{
		key: 'samir-dlu-v1',
		person: 'samir',
		type: docTypes.dlu,
		title: 'Dossier de liaison d’urgence (DLU)',
		authorName: 'Dr Bernard Achard, médecin coordonnateur',
		organisation: 'ehpad-iris',
		daysAgo: 75,
		version: { set: 'samir-dlu', number: 1 },
		sections: samirDlu(1)
	},
	{
		key: 'samir-dlu-v2',
		person: 'samir',
		type: docTypes.dlu,
		title: 'Dossier de liaison d’urgence (DLU)',
		authorName: 'Dr Bernard Achard, médecin coordonnateur',
		organisation: 'ehpad-iris',
		daysAgo: 7,
		version: { set: 'samir-dlu', number: 2, replaces: 'samir-dlu-v1' },
		sections: samirDlu(2)
	},
	{
		key: 'samir-projet',
		person: 'samir',
		type: docTypes.projetPersonnalise,
		title: 'Projet d’accompagnement personnalisé — mise à jour annuelle',
		authorName: 'Équipe pluridisciplinaire, EHPAD Iris',
		organisation: 'ehpad-iris',
		daysAgo: 14,
		sections: [
			{
				heading: 'Synthèse annuelle',
				paragraphs: [
					'Point de synthèse tenu en visioconférence le {{J-16}} entre l’équipe de l’EHPAD Iris et celle du PASA, puis projet revu avec Samir et sa fille.'
				]
			},
			{
				heading: 'Objectifs pour l’année',
				paragraphs: [
					'• Préserver la marche et prévenir les chutes : atelier d’équilibre au PASA, accompagnement dans les escaliers.',
					'• Maintenir les activités qui ont du sens pour Samir : jardinage au PASA, écoute musicale.',
					'• Apaiser les fins de journée : repères visuels dans la chambre, visite de sa fille le mercredi.',
					'• Partager les informations entre les deux structures par messagerie sécurisée et DLU à jour.'
				]
			}
		]
	}
];

const louis: GeneratedDemoDocument[] = [
	{
		key: 'louis-dlu',
		person: 'louis',
		type: docTypes.dlu,
		title: 'Dossier de liaison d’urgence (DLU)',
		authorName: 'Jeanne Roussel, infirmière libérale',
		organisation: 'infirmier',
		daysAgo: 38,
		sections: [
			{
				heading: 'Motif',
				paragraphs: [
					'Hospitalisation décidée avec le médecin traitant et avec l’accord de Louis : comportements inhabituels, repli, traitement modifié il y a 2 jours.'
				]
			},
			{
				heading: 'Informations utiles',
				paragraphs: [
					'Schizophrénie stabilisée depuis plusieurs années. Vit seul, aide à domicile 2 fois par semaine, éducateur du SAVS, pilulier préparé le vendredi par l’infirmière.',
					'Traitement : aripiprazole 15 mg le matin ; cyamémazine 25 mg le soir si anxiété. Tabac : 15 cigarettes par jour.',
					'Mesure de protection : curatelle renforcée (la curatrice gère le budget ; elle n’a pas accès aux informations de santé).'
				]
			}
		]
	},
	{
		key: 'louis-cr-hospitalisation',
		person: 'louis',
		type: docTypes.hospitalisation,
		title: 'Compte rendu d’hospitalisation — psychiatrie',
		authorName: 'Dr Karim Benhamou, psychiatre',
		organisation: 'ch',
		daysAgo: 6,
		sections: [
			{
				heading: 'Séjour du {{J-36}} au {{J-6}}',
				paragraphs: [
					'Hospitalisation libre après passage aux urgences pour décompensation psychotique. INS vérifiée à l’accueil ; DLU de l’infirmière consulté dans le dossier médical partagé.'
				]
			},
			{
				heading: 'Évolution',
				paragraphs: [
					'Amélioration progressive après adaptation du traitement. Sommeil restauré, reprise des contacts. Louis souhaite rentrer chez lui ; la sortie est préparée avec lui, l’éducateur du SAVS et l’infirmière libérale.'
				]
			}
		]
	},
	{
		key: 'louis-lettre-sortie',
		person: 'louis',
		type: docTypes.lettreSortie,
		title: 'Lettre de liaison à la sortie',
		authorName: 'Dr Karim Benhamou, psychiatre',
		organisation: 'ch',
		daysAgo: 6,
		atHour: 11,
		sections: [
			{
				heading: 'À l’attention du médecin traitant et de l’infirmière libérale',
				paragraphs: [
					'Sortie le {{J-6}}. Traitement de sortie sur l’ordonnance jointe ; livraison des médicaments le matin du retour.',
					'Rendez-vous : consultation au CMP le {{J+8}} à 10 h ; médecin traitant dans les 15 jours ; prise de sang (ionogramme, bilan hépatique) dans 1 mois.',
					'Préconisations : passage infirmier quotidien la première semaine pour la prise du traitement, puis pilulier hebdomadaire.'
				]
			}
		]
	},
	{
		key: 'louis-ordonnance-sortie',
		person: 'louis',
		type: docTypes.ordonnance,
		title: 'Ordonnance de sortie',
		authorName: 'Dr Karim Benhamou, psychiatre',
		organisation: 'ch',
		daysAgo: 6,
		atHour: 11,
		sections: [
			{
				paragraphs: [
					'• Aripiprazole 20 mg : 1 comprimé le matin.',
					'• Cyamémazine 25 mg : 1 comprimé le soir si anxiété ou difficulté d’endormissement.',
					'• Substituts nicotiniques : timbre 21 mg/24 h, 1 par jour.',
					'• Soins infirmiers à domicile : aide à la prise des médicaments une fois par jour pendant 7 jours, puis préparation du pilulier une fois par semaine.',
					'Durée : 28 jours.'
				]
			}
		]
	}
];

const claude: GeneratedDemoDocument[] = [
	{
		key: 'claude-dlu',
		person: 'claude',
		type: docTypes.dlu,
		title: 'Dossier de liaison d’urgence (DLU) — départ en vacances',
		authorName: 'Équipe éducative et infirmière du foyer de vie',
		organisation: null,
		issuer: 'Foyer de vie Les Cèdres',
		daysAgo: 48,
		sections: [
			{
				heading: 'Informations essentielles',
				paragraphs: [
					'Déficience intellectuelle moyenne, épilepsie stabilisée. Sous tutelle : prévenir son tuteur, M. Henri Vidal, et le foyer de vie.',
					'Traitement : lévétiracétam 500 mg matin et soir ; oméprazole 20 mg le matin.',
					'Communication : comprend les phrases simples, s’exprime par mots courts ; rassurer en expliquant chaque soin.',
					'Séjour de vacances adapté du {{J-46}} au {{J-32}}.'
				]
			}
		]
	},
	{
		key: 'claude-projet',
		person: 'claude',
		type: docTypes.projetPersonnalise,
		title: 'Projet personnalisé et habitudes de vie',
		authorName: 'Chef de service, foyer de vie Les Cèdres',
		organisation: null,
		issuer: 'Foyer de vie Les Cèdres',
		daysAgo: 48,
		atHour: 11,
		sections: [
			{
				heading: 'Habitudes de vie',
				paragraphs: [
					'Lever vers 8 h, aime prendre son café seul. Participe à l’atelier poterie et aux sorties au marché. Se couche vers 22 h après une émission de télévision.'
				]
			},
			{
				heading: 'Objectifs',
				paragraphs: [
					'• Gagner en autonomie pour les achats simples.',
					'• Pratiquer une activité physique adaptée deux fois par semaine.',
					'• Préparer et vivre un séjour de vacances avec un organisme adapté.'
				]
			}
		]
	},
	{
		key: 'claude-cr-chirurgie',
		person: 'claude',
		type: docTypes.hospitalisation,
		title: 'Compte rendu d’hospitalisation — chirurgie orthopédique',
		authorName: 'Dr Olivier Besson, chirurgien orthopédiste',
		organisation: 'ch',
		daysAgo: 33,
		sections: [
			{
				heading: 'Motif',
				paragraphs: [
					'Chute pendant le séjour de vacances ; douleur de la hanche gauche. INS qualifiée aux urgences, DLU consulté dans le dossier médical partagé.'
				]
			},
			{
				heading: 'Intervention et suites',
				paragraphs: [
					'Fracture du col du fémur gauche ; prothèse intermédiaire de hanche posée le {{J-39}}. Suites simples. Transfert en soins médicaux et de réadaptation (SMR), place trouvée par l’assistante sociale.'
				]
			}
		]
	},
	{
		key: 'claude-lettre-sortie-smr',
		person: 'claude',
		type: docTypes.lettreSortie,
		title: 'Lettre de liaison à la sortie du SMR',
		authorName: 'Dr Isabelle Fontaine, médecin de rééducation',
		organisation: 'ch',
		daysAgo: 5,
		sections: [
			{
				heading: 'Retour au foyer de vie le {{J-5}}',
				paragraphs: [
					'Marche avec un déambulateur, périmètre de marche de 100 mètres. Douleurs contrôlées par le paracétamol.'
				]
			},
			{
				heading: 'Suivi',
				paragraphs: [
					'• Consultation de contrôle avec radiographie chez le chirurgien le {{J+25}} à 14 h 30.',
					'• Kinésithérapie 3 fois par semaine au foyer.',
					'• Passage infirmier quotidien pour l’injection d’anticoagulant jusqu’au {{d+9}}.',
					'Son tuteur, M. Henri Vidal, a été informé de la sortie.'
				]
			}
		]
	},
	{
		key: 'claude-ordonnance-sortie',
		person: 'claude',
		type: docTypes.ordonnance,
		title: 'Ordonnance de sortie du SMR',
		authorName: 'Dr Isabelle Fontaine, médecin de rééducation',
		organisation: 'ch',
		daysAgo: 5,
		atHour: 10,
		sections: [
			{
				paragraphs: [
					'• Énoxaparine 4 000 UI : 1 injection sous-cutanée par jour jusqu’au {{d+9}}, par une infirmière.',
					'• Paracétamol 1 g : 1 comprimé jusqu’à 3 fois par jour si douleur.',
					'• Lévétiracétam 500 mg : 1 comprimé matin et soir (traitement habituel).',
					'• Kinésithérapie : rééducation de la marche après prothèse de hanche, 3 séances par semaine, 15 séances.'
				]
			}
		]
	}
];

const ginaud: GeneratedDemoDocument[] = [
	{
		key: 'ginaud-urgences',
		person: 'ginaud',
		type: docTypes.urgences,
		title: 'Compte rendu de passage aux urgences — accident du travail',
		authorName: 'Dr Antoine Rochette, urgentiste',
		organisation: 'ch',
		daysAgo: 21,
		sections: [
			{
				heading: 'Motif',
				paragraphs: [
					'Blessure à la main gauche avec un sécateur à son poste de travail à l’ESAT. Pris en charge par le SAMU ; INS qualifiée à l’accueil.'
				]
			},
			{
				heading: 'Soins',
				paragraphs: [
					'Plaie de la paume de la main gauche de 4 cm, sans atteinte tendineuse ni nerveuse. Suture par 6 points. Vaccination antitétanique à jour. Entorse bénigne du poignet gauche : attelle pendant 10 jours.'
				]
			},
			{
				heading: 'Sortie',
				paragraphs: [
					'Retour au foyer d’hébergement. Pansement tous les 2 jours par une infirmière ; ablation des fils à J12. Arrêt de travail de 3 semaines.'
				]
			}
		]
	},
	{
		key: 'ginaud-arret-travail',
		person: 'ginaud',
		type: docTypes.arretTravail,
		title: 'Arrêt de travail — accident du travail',
		authorName: 'Dr Antoine Rochette, urgentiste',
		organisation: 'ch',
		daysAgo: 21,
		atHour: 11,
		sections: [
			{
				paragraphs: [
					'Certificat médical initial d’accident du travail survenu le {{J-21}}.',
					'Arrêt de travail du {{J-21}} au {{J+1}} inclus. Sorties autorisées.',
					'Visite de reprise auprès du médecin du travail avant le retour au poste.'
				]
			}
		]
	},
	{
		key: 'ginaud-presc-infirmier',
		person: 'ginaud',
		type: docTypes.prescriptionInfirmier,
		title: 'Prescription de soins infirmiers — pansement de la main',
		authorName: 'Dr Antoine Rochette, urgentiste',
		organisation: 'ch',
		daysAgo: 21,
		atHour: 12,
		sections: [
			{
				paragraphs: [
					'Pansement simple de la plaie suturée de la main gauche tous les 2 jours, au foyer d’hébergement, pendant 12 jours.',
					'Ablation des fils à J12. Surveillance de la cicatrisation et des signes d’infection.'
				]
			}
		]
	},
	{
		key: 'ginaud-medecine-travail',
		person: 'ginaud',
		type: docTypes.consultation,
		title: 'Visite de reprise — préconisations de la médecine du travail',
		authorName: 'Dr Hélène Vasseur, médecin du travail',
		organisation: null,
		issuer: 'Service de prévention et de santé au travail',
		daysAgo: 2,
		sections: [
			{
				heading: 'Conclusion',
				paragraphs: [
					'Apte à la reprise avec aménagement de poste pendant 3 mois, avec l’accord de M. Ginaud pour le partage de ces préconisations avec l’ESAT.'
				]
			},
			{
				heading: 'Préconisations',
				paragraphs: [
					'• Pas d’utilisation d’outils tranchants ni vibrants de la main gauche pendant 3 mois.',
					'• Port de gants anti-coupure pour toute activité d’espaces verts.',
					'• Activités possibles : arrosage, ramassage des feuilles, entretien du matériel sans outil tranchant.',
					'• Nouvelle visite dans 3 mois.'
				]
			}
		]
	}
];

const johanna: GeneratedDemoDocument[] = [
	{
		key: 'johanna-ordonnance-insuline',
		person: 'johanna',
		type: docTypes.ordonnance,
		title: 'Ordonnance — traitement du diabète et protocole d’insuline',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 60,
		sections: [
			{
				heading: 'Traitement',
				paragraphs: [
					'• Insuline glargine 100 U/ml, stylo : 18 unités le soir à 21 h.',
					'• Insuline asparte 100 U/ml, stylo : selon le protocole ci-dessous, avant chaque repas.',
					'• Lecteur de glycémie, bandelettes et lancettes : glycémie capillaire avant chaque repas et au coucher.',
					'• Aiguilles pour stylo 4 mm : 4 par jour.',
					'• Resucrage : 3 morceaux de sucre en cas d’hypoglycémie (glycémie inférieure à 0,70 g/l).'
				]
			},
			{
				heading: 'Protocole d’insuline rapide (asparte) avant les repas',
				paragraphs: [
					'Glycémie inférieure à 0,70 g/l : resucrer, pas d’insuline rapide, contrôle 15 minutes plus tard.',
					'De 0,70 à 1,40 g/l : 4 unités.\nDe 1,41 à 2,00 g/l : 6 unités.\nDe 2,01 à 2,50 g/l : 8 unités.\nAu-delà de 2,50 g/l : 10 unités et appeler le médecin.'
				]
			}
		]
	},
	{
		key: 'johanna-presc-infirmier',
		person: 'johanna',
		type: docTypes.prescriptionInfirmier,
		title: 'Prescription de soins infirmiers — surveillance du diabète',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 60,
		atHour: 10,
		sections: [
			{
				paragraphs: [
					'Passage infirmier matin, midi et soir : glycémie capillaire, injection d’insuline selon le protocole, éducation thérapeutique.',
					'Pendant le stage à l’ESAT, les soins du midi sont assurés par une infirmière proche de l’ESAT.',
					'Durée : 3 mois, à renouveler.'
				]
			}
		]
	},
	{
		key: 'johanna-convention-stage',
		person: 'johanna',
		type: docTypes.medicoSocial,
		title: 'Convention de stage à l’ESAT des Espaces verts',
		authorName: 'Chargée d’insertion, ESAT des Espaces verts',
		organisation: 'esat',
		daysAgo: 40,
		sections: [
			{
				heading: 'Parties',
				paragraphs: [
					'Entre l’ESAT des Espaces verts, le foyer d’hébergement qui accompagne Johanna Petit, et Johanna Petit, stagiaire.'
				]
			},
			{
				heading: 'Stage',
				paragraphs: [
					'Stage de découverte en atelier espaces verts du {{J-35}} au {{J-7}}, du lundi au vendredi de 8 h 30 à 15 h 30.',
					'Tuteur : M. Yannick Perret, moniteur d’atelier. Activités : tonte, désherbage manuel, plantations, entretien du matériel.',
					'Adaptations : pause et collation possibles à tout moment pour la surveillance de la glycémie ; soins infirmiers du midi sur place.'
				]
			},
			{
				paragraphs: ['Signée par les trois parties le {{J-40}}. Document fictif de démonstration.']
			}
		]
	},
	{
		key: 'johanna-cr-stage',
		person: 'johanna',
		type: docTypes.medicoSocial,
		title: 'Compte rendu de stage — atelier espaces verts',
		authorName: 'Yannick Perret, moniteur d’atelier',
		organisation: 'esat',
		daysAgo: 3,
		sections: [
			{
				heading: 'Bilan rempli avec Johanna',
				paragraphs: [
					'Johanna a été ponctuelle et motivée pendant les 4 semaines. Elle a appris à utiliser la tondeuse et les outils de désherbage en sécurité et a beaucoup aimé les plantations.',
					'Points à travailler : organisation des tâches sur la journée, demander de l’aide plus tôt.',
					'Santé : glycémies bien suivies, aucune hypoglycémie pendant le stage.'
				]
			},
			{
				heading: 'Suite proposée',
				paragraphs: [
					'Avis favorable à une admission à l’ESAT des Espaces verts, sous réserve de la notification MDPH. Johanna est d’accord pour que ce compte rendu soit partagé avec le foyer d’hébergement.'
				]
			}
		]
	}
];

const ivan: GeneratedDemoDocument[] = [
	{
		key: 'ivan-notification-mdph',
		person: 'ivan',
		type: docTypes.mdph,
		title: 'Notification de décision MDPH — orientation en ESAT',
		authorName: 'Commission des droits et de l’autonomie (CDAPH)',
		organisation: 'mdph',
		daysAgo: 130,
		decision: {
			rightCode: '11.5',
			rightDisplay:
				'Orientation en Etablissement et service d’accompagnement par le travail (ESAT)',
			opensDaysAgo: 120,
			endsInDays: 1580
		},
		sections: [
			{
				heading: 'Décision',
				paragraphs: [
					'La CDAPH, réunie le {{J-130}}, prononce pour M. Ivan Colonna une orientation en établissement et service d’accompagnement par le travail (ESAT), du {{J-120}} au {{J+1580}}.',
					'Cette décision est transmise aux ESMS par ViaTrajectoire.'
				]
			},
			{
				heading: 'Voies de recours',
				paragraphs: [
					'Recours administratif préalable obligatoire auprès de la MDPH dans un délai de 2 mois à compter de la réception de cette notification.'
				]
			}
		]
	},
	{
		key: 'ivan-cr-parcours',
		person: 'ivan',
		type: docTypes.medicoSocial,
		title: 'Compte rendu de parcours — semestre en cours',
		authorName: 'Chargé d’accompagnement médico-social, ESAT des Espaces verts',
		organisation: 'esat',
		daysAgo: 30,
		sections: [
			{
				heading: 'Parcours',
				paragraphs: [
					'Entrée à l’ESAT le {{J-110}} après l’entretien d’accueil. Ivan travaille en équipe d’entretien des espaces verts, 4 jours par semaine.',
					'Accompagnement par l’éducateur du SAVS (logement, budget) et suivi au CMP.'
				]
			},
			{
				heading: 'Observations',
				paragraphs: [
					'Bonne intégration dans l’équipe, qualité du travail appréciée. Fatigue en fin de semaine. Compte rendu adressé à la MDPH et à Ivan.'
				]
			}
		]
	},
	{
		key: 'ivan-projet',
		person: 'ivan',
		type: docTypes.projetPersonnalise,
		title: 'Projet personnalisé d’accompagnement',
		authorName: 'Chargé d’accompagnement médico-social, ESAT des Espaces verts',
		organisation: 'esat',
		daysAgo: 20,
		sections: [
			{
				heading: 'Objectifs définis avec Ivan',
				paragraphs: [
					'• Professionnel : apprendre la taille des haies et passer l’habilitation pour la débroussailleuse.',
					'• Santé : garder un rythme de sommeil régulier, poursuivre le suivi au CMP.',
					'• Vie sociale : s’inscrire au club de football du quartier avec l’aide du SAVS.',
					'Le projet est partagé avec l’éducateur du SAVS, avec l’accord d’Ivan. Réévaluation dans 6 mois.'
				]
			}
		]
	},
	{
		key: 'ivan-ordonnance-cmp',
		person: 'ivan',
		type: docTypes.ordonnance,
		title: 'Ordonnance — modification du traitement',
		authorName: 'Dr Karim Benhamou, psychiatre (CMP)',
		organisation: 'ch',
		daysAgo: 4,
		sections: [
			{
				heading: 'Consultation au CMP du {{J-4}}',
				paragraphs: [
					'• Sertraline 50 mg : 1 comprimé le matin.',
					'• Aripiprazole 5 mg : 1 comprimé le midi (nouveau — prise au travail, pilulier préparé par l’infirmière libérale).',
					'• Hydroxyzine 25 mg : 1 comprimé le soir si anxiété.',
					'Durée : 28 jours. Prochaine consultation au CMP dans 2 semaines.'
				]
			}
		]
	}
];

const patrick: GeneratedDemoDocument[] = [
	{
		key: 'patrick-notification-orp',
		person: 'patrick',
		type: docTypes.mdph,
		title: 'Notification de décision MDPH — orientation professionnelle en ESAT',
		authorName: 'Commission des droits et de l’autonomie (CDAPH)',
		organisation: 'mdph',
		daysAgo: 1700,
		decision: {
			rightCode: '11.5',
			rightDisplay:
				'Orientation en Etablissement et service d’accompagnement par le travail (ESAT)',
			opensDaysAgo: 1690,
			endsInDays: 110
		},
		sections: [
			{
				heading: 'Décision d’orientation professionnelle (ORP)',
				paragraphs: [
					'La CDAPH prononce pour M. Patrick Garnier une orientation en établissement et service d’accompagnement par le travail (ESAT).',
					'Date d’ouverture du droit : {{J-1690}}.\nDate de fin de validité : {{J+110}}.',
					'Le renouvellement doit être demandé plusieurs mois avant la date de fin de validité.'
				]
			}
		]
	},
	{
		key: 'patrick-convocation',
		person: 'patrick',
		type: docTypes.rendezVous,
		title: 'Convocation — entretien de renouvellement de l’orientation',
		authorName: 'Chargée de suivi médico-social, ESAT des Espaces verts',
		organisation: 'esat',
		daysAgo: 30,
		sections: [
			{
				paragraphs: [
					'Bonjour Patrick,',
					'Votre orientation en ESAT se termine le {{J+110}}. Pour préparer sa demande de renouvellement, vous êtes convoqué à un entretien avec votre responsable d’atelier et la chargée de suivi médico-social le {{J-20}} à 14 h, bureau de l’accueil.',
					'Vous pouvez venir accompagné de la personne de votre choix.'
				]
			}
		]
	},
	{
		key: 'patrick-cr-entretien',
		person: 'patrick',
		type: docTypes.medicoSocial,
		title: 'Compte rendu d’entretien — renouvellement de l’ORP',
		authorName: 'Chargée de suivi médico-social, ESAT des Espaces verts',
		organisation: 'esat',
		daysAgo: 19,
		sections: [
			{
				paragraphs: [
					'Patrick souhaite poursuivre son parcours à l’ESAT, en atelier espaces verts.',
					'Pièces à joindre à la demande : formulaire de demande, certificat médical de moins d’un an, rapport de situation signé par le directeur de l’ESAT, justificatif d’identité.',
					'Prochaine étape : rédaction du rapport de situation puis dépôt du dossier à la MDPH avec Patrick.'
				]
			}
		]
	},
	{
		key: 'patrick-rapport-situation',
		person: 'patrick',
		type: docTypes.medicoSocial,
		title: 'Rapport de situation pour le renouvellement de l’orientation',
		authorName: 'Direction de l’ESAT des Espaces verts',
		organisation: 'esat',
		daysAgo: 12,
		sections: [
			{
				heading: 'Situation',
				paragraphs: [
					'M. Patrick Garnier travaille à l’ESAT depuis 4 ans et demi, à temps plein, en atelier espaces verts. Il maîtrise la tonte et la taille et participe à la formation des nouveaux travailleurs.',
					'Un renouvellement de l’orientation en ESAT est demandé pour lui permettre de poursuivre son parcours professionnel.'
				]
			},
			{ paragraphs: ['Rapport signé par le directeur de l’ESAT le {{J-13}}.'] }
		]
	}
];

const adrien: GeneratedDemoDocument[] = [
	{
		key: 'adrien-notification-mdph',
		person: 'adrien',
		type: docTypes.mdph,
		title: 'Notification de décision MDPH — orientation en DIME',
		authorName: 'Commission des droits et de l’autonomie (CDAPH)',
		organisation: 'mdph',
		daysAgo: 210,
		decision: {
			rightCode: '7.1',
			rightDisplay: 'Orientation vers un Institut médico-éducatif (IME)',
			opensDaysAgo: 200,
			endsInDays: 895
		},
		sections: [
			{
				heading: 'Décision',
				paragraphs: [
					'La CDAPH prononce pour Adrien Lefebvre une orientation en dispositif institut médico-éducatif (DIME), en semi-internat, du {{J-200}} au {{J+895}}.',
					'La notification est adressée à ses parents, titulaires de l’autorité parentale, et aux établissements par ViaTrajectoire.'
				]
			}
		]
	},
	{
		key: 'adrien-projet',
		person: 'adrien',
		type: docTypes.projetPersonnalise,
		title: 'Projet personnalisé d’accompagnement au DIME',
		authorName: 'Équipe pluridisciplinaire, DIME la Violette',
		organisation: 'dime',
		daysAgo: 120,
		sections: [
			{
				heading: 'Élaboré avec Adrien et ses parents',
				paragraphs: [
					'• Communication : enrichir le vocabulaire avec des pictogrammes, séances d’orthophonie au DIME.',
					'• Apprentissages : lecture de mots simples en classe de l’unité d’enseignement.',
					'• Autonomie : s’habiller seul, repérer les trajets dans l’établissement.',
					'• Loisirs : atelier musique et piscine le jeudi.',
					'Déposé dans son espace santé avec l’accord de ses parents. Réévaluation dans 1 an.'
				]
			}
		]
	},
	{
		key: 'adrien-dlu',
		person: 'adrien',
		type: docTypes.dlu,
		title: 'Dossier de liaison d’urgence (DLU)',
		authorName: 'Infirmière du DIME la Violette',
		organisation: 'dime',
		daysAgo: 6,
		atHour: 10,
		sections: [
			{
				paragraphs: [
					'Chute dans la cour : choc à la tête avec plaie du cuir chevelu, pas de perte de connaissance. Accompagné aux urgences par un éducateur ; parents prévenus.',
					'Déficience intellectuelle ; comprend les consignes simples, rassuré par son doudou (dans son sac). Pas de traitement au long cours. Pas d’allergie connue. Vaccinations à jour.'
				]
			}
		]
	},
	{
		key: 'adrien-urgences',
		person: 'adrien',
		type: docTypes.urgences,
		title: 'Compte rendu de passage aux urgences pédiatriques',
		authorName: 'Dr Gilbert, urgences pédiatriques',
		organisation: 'ch',
		daysAgo: 6,
		atHour: 14,
		sections: [
			{
				heading: 'Motif',
				paragraphs: [
					'Traumatisme crânien léger avec plaie du cuir chevelu de 3 cm après une chute au DIME. Identité vérifiée avec sa carte d’identité ; DLU consulté.'
				]
			},
			{
				heading: 'Soins et surveillance',
				paragraphs: [
					'Examen neurologique normal, surveillance de 4 heures sans anomalie. Suture par 4 points.',
					'Retour à domicile avec ses parents. Surveiller pendant 48 heures : vomissements, somnolence inhabituelle, maux de tête qui augmentent — dans ce cas, revenir aux urgences.',
					'Réfection du pansement et ablation des fils à J7 par une infirmière. Retour au DIME possible le lendemain.'
				]
			}
		]
	},
	{
		key: 'adrien-ordonnance',
		person: 'adrien',
		type: docTypes.ordonnance,
		title: 'Ordonnance — soins de la plaie du cuir chevelu',
		authorName: 'Dr Gilbert, urgences pédiatriques',
		organisation: 'ch',
		daysAgo: 6,
		atHour: 14,
		sections: [
			{
				paragraphs: [
					'• Paracétamol suspension buvable pédiatrique : 1 dose-poids (poids 32 kg) toutes les 6 heures si douleur.',
					'• Sérum physiologique unidoses, compresses stériles, pansement adhésif stérile : pour 7 jours.',
					'• Soins infirmiers à domicile : pansement tous les 2 jours et ablation des fils à J7.'
				]
			}
		]
	}
];

const lucas: GeneratedDemoDocument[] = [
	{
		key: 'lucas-cr-camsp',
		person: 'lucas',
		type: docTypes.consultation,
		title: 'Compte rendu de consultation d’admission au CAMSP',
		authorName: 'Dr Nathalie Giraud, pédiatre du CAMSP',
		organisation: 'camsp',
		daysAgo: 85,
		sections: [
			{
				heading: 'Motif',
				paragraphs: [
					'Lucas est adressé par le médecin de PMI pour un retard global du développement. Admission validée en commission ; INS qualifiée lors du premier entretien.'
				]
			},
			{
				heading: 'Observation',
				paragraphs: [
					'Marche acquise tardivement, quelques mots isolés, bonne interaction avec ses parents. Audition vérifiée normale.'
				]
			},
			{
				heading: 'Projet',
				paragraphs: [
					'Bilans internes (psychomotricité, psychologue, éducatrice de jeunes enfants), bilan orthophonique en libéral et bilan étiologique au centre hospitalier. Prescriptions jointes.'
				]
			}
		]
	},
	{
		key: 'lucas-presc-orthophonie',
		person: 'lucas',
		type: docTypes.prescriptionOrthophonie,
		title: 'Prescription — bilan orthophonique',
		authorName: 'Dr Nathalie Giraud, pédiatre du CAMSP',
		organisation: 'camsp',
		daysAgo: 85,
		atHour: 10,
		sections: [
			{
				paragraphs: [
					'Bilan orthophonique du langage oral et de la communication, avec rééducation si nécessaire.',
					'Compte rendu à adresser au CAMSP et aux parents.'
				]
			}
		]
	},
	{
		key: 'lucas-presc-biologie',
		person: 'lucas',
		type: docTypes.prescriptionBiologie,
		title: 'Prescription — bilan étiologique (génétique)',
		authorName: 'Dr Nathalie Giraud, pédiatre du CAMSP',
		organisation: 'camsp',
		daysAgo: 80,
		sections: [
			{
				paragraphs: [
					'Analyse chromosomique sur puce à ADN (ACPA) et recherche d’X fragile, au service de génétique du centre hospitalier, après consultation de génétique.',
					'Consentement des deux parents recueilli.'
				]
			}
		]
	},
	{
		key: 'lucas-bilan-orthophonique',
		person: 'lucas',
		type: docTypes.bilanProfessionnel,
		title: 'Compte rendu de bilan orthophonique',
		authorName: 'Margaux Tessier, orthophoniste',
		organisation: null,
		issuer: 'Cabinet d’orthophonie Tessier (libéral)',
		daysAgo: 30,
		sections: [
			{
				heading: 'Bilan',
				paragraphs: [
					'Langage oral : une vingtaine de mots, pas encore d’association de deux mots. Bonne compréhension des consignes simples en contexte. Communication non verbale riche (pointage, regard).'
				]
			},
			{
				heading: 'Conclusion',
				paragraphs: [
					'Retard de langage important dans le cadre du retard global du développement. Rééducation proposée : 2 séances par semaine, guidance parentale. Compte rendu adressé au CAMSP et aux parents.'
				]
			}
		]
	},
	{
		key: 'lucas-notification-mdph',
		person: 'lucas',
		type: docTypes.mdph,
		title: 'Notification de décision MDPH — orientation en DIME',
		authorName: 'Commission des droits et de l’autonomie (CDAPH)',
		organisation: 'mdph',
		daysAgo: 5,
		decision: {
			rightCode: '7.1',
			rightDisplay: 'Orientation vers un Institut médico-éducatif (IME)',
			opensDaysAgo: 0,
			endsInDays: 1095
		},
		sections: [
			{
				heading: 'Décision',
				paragraphs: [
					'La CDAPH prononce pour Lucas Moreau une orientation en dispositif institut médico-éducatif (DIME) du {{J-0}} au {{J+1095}}, et l’attribution de l’allocation d’éducation de l’enfant handicapé (AEEH).',
					'Les parents peuvent suivre les demandes aux établissements sur ViaTrajectoire.'
				]
			}
		]
	}
];

const elliot: GeneratedDemoDocument[] = [
	{
		key: 'elliot-convocation-1',
		person: 'elliot',
		type: docTypes.rendezVous,
		title: 'Convocation — rendez-vous au service d’AEMO',
		authorName: 'Romain Lefort, éducateur',
		organisation: null,
		issuer: 'Service d’AEMO — Sauvegarde de l’enfance (fictif)',
		daysAgo: 40,
		sections: [
			{
				paragraphs: [
					'Bonjour Elliot,',
					'Dans le cadre de la mesure d’aide éducative en milieu ouvert décidée par le juge des enfants, je te propose un rendez-vous au service le {{J-33}} à 17 h, avec tes parents.',
					'Si cet horaire ne convient pas, tes parents peuvent m’appeler au service.'
				]
			}
		]
	},
	{
		key: 'elliot-convocation-2',
		person: 'elliot',
		type: docTypes.rendezVous,
		title: 'Convocation — point de suivi de la mesure d’AEMO',
		authorName: 'Romain Lefort, éducateur',
		organisation: null,
		issuer: 'Service d’AEMO — Sauvegarde de l’enfance (fictif)',
		daysAgo: 9,
		sections: [
			{
				paragraphs: [
					'Bonjour Elliot,',
					'Prochain rendez-vous de suivi le {{J+5}} à 17 h 30 au service, avec tes parents. Nous ferons le point sur le collège et les activités du mercredi.'
				]
			}
		]
	},
	{
		key: 'elliot-consultation-secret',
		person: 'elliot',
		type: docTypes.consultation,
		title: 'Compte rendu de consultation — Maison des adolescents',
		authorName: 'Dr Camille Royer, médecin de la Maison des adolescents',
		organisation: 'ch',
		daysAgo: 15,
		invisibleToLegalRepresentatives: true,
		sections: [
			{
				heading: 'Consultation confidentielle',
				paragraphs: [
					'Elliot est venu seul et a demandé que cette consultation reste confidentielle vis-à-vis de ses parents (secret du mineur, article L1111-5 du code de la santé publique). Il a été informé qu’il peut se faire accompagner d’une personne majeure de son choix.'
				]
			},
			{
				heading: 'Synthèse',
				paragraphs: [
					'Troubles du sommeil et stress lié à la situation familiale. Pas de signe de gravité. Conseils d’hygiène du sommeil ; entretiens avec la psychologue de la Maison des adolescents proposés, Elliot est d’accord.',
					'Prochain rendez-vous dans 3 semaines.'
				]
			}
		]
	}
];

const rita: GeneratedDemoDocument[] = [
	{
		key: 'rita-ordonnance-antibiotique',
		person: 'rita',
		type: docTypes.ordonnance,
		title: 'Ordonnance — antibiothérapie et nouveau protocole de pansement',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 92,
		sections: [
			{
				heading: 'Après téléexpertise (photos de la plaie transmises par l’infirmière)',
				paragraphs: [
					'• Amoxicilline/acide clavulanique 1 g/125 mg : 1 sachet matin, midi et soir pendant 10 jours.',
					'• Pansement à l’argent 10 × 10 cm : tous les jours, après lavage au sérum physiologique.',
					'• Compresses stériles, bande de crêpe.',
					'• Insuline : poursuite du schéma habituel, glycémie capillaire 3 fois par jour.',
					'Consultation en chirurgie vasculaire programmée en urgence au centre hospitalier.'
				]
			}
		]
	},
	{
		key: 'rita-presc-biologie',
		person: 'rita',
		type: docTypes.prescriptionBiologie,
		title: 'Prescription — prélèvement de plaie et bilan sanguin',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 92,
		atHour: 10,
		sections: [
			{
				paragraphs: [
					'Prélèvement bactériologique de la plaie de la jambe droite avant le début de l’antibiothérapie.',
					'Numération formule sanguine, CRP, glycémie, hémoglobine glyquée (HbA1c), créatinine.'
				]
			}
		]
	},
	{
		key: 'rita-cr-hospitalisation',
		person: 'rita',
		type: docTypes.hospitalisation,
		title: 'Compte rendu d’hospitalisation — chirurgie vasculaire',
		authorName: 'Dr Laurent Meyer, chirurgien vasculaire',
		organisation: 'ch',
		daysAgo: 60,
		sections: [
			{
				heading: 'Séjour',
				paragraphs: [
					'Hospitalisation en urgence après la consultation du {{J-88}} : artériopathie sévère du membre inférieur droit avec ulcère infecté. Amputation de cuisse droite le {{J-85}}.'
				]
			},
			{
				heading: 'Suites',
				paragraphs: [
					'Cicatrisation en cours. Découverte d’une insuffisance cardiaque, traitée. Rita ne pourra plus marcher ; le retour dans son logement n’est pas possible. Avec sa fille, elle a choisi une entrée en EHPAD (dossier ViaTrajectoire, établissement acceptant son chien).'
				]
			}
		]
	},
	{
		key: 'rita-projet',
		person: 'rita',
		type: docTypes.projetPersonnalise,
		title: 'Projet d’accompagnement personnalisé',
		authorName: 'Équipe pluridisciplinaire, EHPAD Iris',
		organisation: 'ehpad-iris',
		daysAgo: 10,
		sections: [
			{
				heading: 'Élaboré avec Rita et sa fille',
				paragraphs: [
					'• Confort et soins : pansement du moignon, prévention des escarres, surveillance du diabète et du poids.',
					'• Vie sociale : son chien Filou vit avec elle ; promenade en fauteuil avec un bénévole.',
					'• Lien avec sa fille : échanges avec l’équipe par la messagerie de l’espace santé de Rita, qui l’a autorisée.',
					'Réévaluation dans 6 mois.'
				]
			}
		]
	},
	{
		key: 'rita-dlu',
		person: 'rita',
		type: docTypes.dlu,
		title: 'Dossier de liaison d’urgence (DLU)',
		authorName: 'Dr Bernard Achard, médecin coordonnateur',
		organisation: 'ehpad-iris',
		daysAgo: 10,
		atHour: 11,
		sections: [
			{
				heading: 'Informations essentielles',
				paragraphs: [
					'Diabète de type 2 insulinotraité, obésité, insuffisance cardiaque. Amputation de cuisse droite récente. Se déplace en fauteuil roulant, transferts avec l’aide de deux personnes.',
					'Traitements : insuline glargine 30 unités le soir, furosémide 40 mg le matin, bisoprolol 2,5 mg le matin, apixaban 5 mg matin et soir.',
					'Personne de confiance : sa fille, Mme Nathalie Gauthier. Directives anticipées : oui, au dossier de l’EHPAD.'
				]
			}
		]
	}
];

/** "Any adult": after a GP visit, a blood test and an X-ray. */
const mallory: GeneratedDemoDocument[] = [
	{
		key: 'mallory-ordonnance',
		person: 'mallory',
		type: docTypes.ordonnance,
		title: 'Ordonnance — consultation du médecin traitant',
		authorName: 'Dr Paul Girard',
		organisation: 'medecin',
		daysAgo: 16,
		sections: [
			{
				paragraphs: [
					'• Ibuprofène 400 mg : 1 comprimé 3 fois par jour pendant 5 jours, au cours des repas.',
					'• Radiographie de la cheville droite de face et de profil.',
					'• Bilan sanguin : numération formule sanguine, ferritine, TSH.'
				]
			}
		]
	},
	{
		key: 'mallory-biologie',
		person: 'mallory',
		type: docTypes.biologie,
		title: 'Compte rendu d’examens biologiques',
		authorName: 'Dr Sylvie Caron, biologiste',
		organisation: 'labo',
		daysAgo: 13,
		sections: [
			{
				paragraphs: [
					'Hémoglobine : 13,4 g/dl (12,0 à 16,0)',
					'Ferritine : 18 µg/l (15 à 150)',
					'TSH : 1,9 mUI/l (0,4 à 4,0)',
					'Résultats dans les valeurs de référence.'
				]
			}
		]
	},
	{
		key: 'mallory-imagerie',
		person: 'mallory',
		type: docTypes.imagerie,
		title: 'Compte rendu de radiographie de la cheville droite',
		authorName: 'Dr Éric Lemaire, radiologue',
		organisation: 'ch',
		daysAgo: 15,
		sections: [
			{
				heading: 'Résultat',
				paragraphs: [
					'Pas de fracture visible. Tuméfaction des parties molles en regard du ligament latéral externe. Conclusion : aspect compatible avec une entorse, sans lésion osseuse.'
				]
			}
		]
	}
];

/** The real ANS lab report (CDA R2 level 1) of the test patient, with its CDA header data. */
const dominique: AssetDemoDocument[] = [
	{
		key: 'dominique-cr-biologie',
		person: 'dominique',
		type: docTypes.biologie,
		title: 'Compte rendu d’examens biologiques',
		authorName: 'Dr Marcel Camparini',
		organisation: 'labo',
		asset: 'lab-report-dominique',
		authoredAt: '2021-04-01T13:47:45+01:00',
		receivedDaysAgo: 2
	}
];

export const demoDocuments: readonly DemoDocument[] = [
	...irene,
	...eleanore,
	...daniel,
	...christiane,
	...samir,
	...louis,
	...claude,
	...ginaud,
	...johanna,
	...ivan,
	...patrick,
	...adrien,
	...lucas,
	...elliot,
	...rita,
	...dominique,
	...mallory
];
