-- A case's slug beside its kept forms. A CSV row starts with the slug and the address of
-- the case's page; read here, it spares the export a lookup of every case in innovation,
-- a third of PostgreSQL's work in an export (README, "Open data"). It is kept with the
-- forms, from the same snapshot: a change of slug stamps the case like any change, which
-- outdates the forms and this slug with them.
ALTER TABLE case_export_form ADD COLUMN slug VARCHAR(160);

UPDATE case_export_form f SET slug = i.slug
FROM innovation i
WHERE i.id = f.innovation_id AND f.csv IS NOT NULL;
