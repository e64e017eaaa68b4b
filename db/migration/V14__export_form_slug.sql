-- A case's slug beside its kept forms. A CSV row starts with the slug and the address of
-- the case's page; read here, it spares the export a lookup of every case in innovation,
-- a third of PostgreSQL's work in an export (README, "Open data"). It is kept with the
-- forms, from the same snapshot: a change of slug stamps the case like any change, which
-- outdates the forms and this slug with them.
--
-- Forms kept before have none: they were made with an earlier version of the forms
-- (ExportForms.VERSION, part of the fingerprint in the taxonomies column), so none is
-- used again, and the pass that makes every published case's forms ahead runs again.
-- Nothing is rewritten here (6 GB at 1,000,000 cases).
ALTER TABLE case_export_form ADD COLUMN slug VARCHAR(160);

DELETE FROM case_export_made;
