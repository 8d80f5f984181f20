/** URL builders: URLs are French and carry opaque ids only. */
export const routes = {
	home: () => '/',
	signIn: () => '/connexion',
	signOut: () => '/deconnexion',
	account: () => '/compte',
	documentAdd: (profileId: string) => `/p/${profileId}/documents/ajouter`,
	documentBin: (profileId: string) => `/p/${profileId}/documents/corbeille`,
	profile: (profileId: string) => `/p/${profileId}`,
	documents: (profileId: string) => `/p/${profileId}/documents`,
	history: (profileId: string) => `/p/${profileId}/historique`,
	document: (profileId: string, documentId: string) => `/p/${profileId}/documents/${documentId}`,
	documentFile: (profileId: string, documentId: string) =>
		`/p/${profileId}/documents/${documentId}/fichier`,
	documentDownload: (profileId: string, documentId: string) =>
		`/p/${profileId}/documents/${documentId}/fichier?telechargement=1`
};
