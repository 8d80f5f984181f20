-- Full-text index of documents (FTS5; drizzle-kit cannot generate virtual tables).
-- Accent- and case-insensitive French: unicode61 with remove_diacritics 2.
-- person_id is indexed so a search is scoped to one space inside the MATCH itself;
-- document_id links back to documents.id (implicit rowids can change on VACUUM).
CREATE VIRTUAL TABLE `documents_fts` USING fts5(
	document_id UNINDEXED,
	person_id,
	title,
	type,
	author,
	organisation,
	body,
	tokenize = 'unicode61 remove_diacritics 2'
);
