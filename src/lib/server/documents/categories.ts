/**
 * Categories shown to the person, from the DMP type codes (JDV_J07; see shared/design/interop.md).
 * Unknown codes are kept and shown under "Autres documents" — never dropped.
 */
export const categories = [
	{ id: 'ordonnances', label: 'Ordonnances et prescriptions' },
	{ id: 'biologie', label: 'Biologie' },
	{ id: 'imagerie', label: 'Imagerie' },
	{ id: 'comptes-rendus', label: 'Comptes rendus' },
	{ id: 'dlu', label: 'Dossier de liaison d’urgence (DLU)' },
	{ id: 'projet-personnalise', label: 'Projet personnalisé' },
	{ id: 'medico-social', label: 'Documents médico-sociaux' },
	{ id: 'mdph', label: 'Notifications MDPH' },
	{ id: 'certificats', label: 'Certificats' },
	{ id: 'synthese', label: 'Synthèses' },
	{ id: 'vaccination', label: 'Vaccination' },
	{ id: 'directives-anticipees', label: 'Directives anticipées' },
	{ id: 'deposes', label: 'Documents ajoutés par la personne' },
	{ id: 'administratif', label: 'Papiers administratifs' },
	{ id: 'autres', label: 'Autres documents' }
] as const;

export type CategoryId = (typeof categories)[number]['id'];

const byCode: Record<string, CategoryId> = {};
function map(category: CategoryId, codes: string[]) {
	for (const code of codes) byCode[code] = category;
}
map('ordonnances', [
	'57833-6',
	'57832-8',
	'57828-6',
	'PRESC-BIO',
	'PRESC-KINE',
	'PRESC-INF',
	'PRESC-ORTHOPHO',
	'PRESC-AAT'
]);
map('biologie', ['11502-2']);
map('imagerie', ['18748-4']);
map('comptes-rendus', [
	'34112-3',
	'11490-0',
	'18761-7',
	'15507-7',
	'78341-5',
	'60280-5',
	// consultation reports (JDV_J07), e.g. a CAMSP or speech-therapy assessment
	'11488-4',
	'34120-6'
]);
map('dlu', ['74207-2']);
map('projet-personnalise', ['80788-3', '18776-5', '80771-9']);
map('medico-social', ['28653-4', '34842-5', 'BIL_AUTO', '83981-1', '88348-8', 'EXPORT_DUI']);
map('mdph', ['MDPH-NOTIF', 'SDO-DECISION']);
map('certificats', ['89601-9', 'CERT_DECL']);
map('synthese', ['60591-5', 'SYNTH', '34133-9']);
map('vaccination', ['87273-9', '11369-6']);
map('directives-anticipees', ['EXPPAT_1', 'EXPPAT_2', 'EXPPAT_3']);
map('administratif', ['51851-4', 'PIECE-IDENTITE']);

/** The category of a type code; DOCPATnn → person's uploads, ATTEST-* → administrative. */
export function categoryOf(typeCode: string): CategoryId {
	const known = byCode[typeCode];
	if (known) return known;
	if (/^DOCPAT\d\d$/.test(typeCode)) return 'deposes';
	if (typeCode.startsWith('ATTEST-')) return 'administratif';
	return 'autres';
}

export function categoryLabel(id: string): string {
	return categories.find((c) => c.id === id)?.label ?? 'Autres documents';
}
