-- Each published case's export forms, kept ready: its CSV row (without its first two
-- cells, the slug and the page's address, which depend on the site's address) and its
-- JSON Lines line, as UTF-8 bytes. An export copies them out instead of reading and
-- formatting the case again (README, "Open data: exports and imports").
--
-- The database says when forms are out of date, whatever wrote the case (the ORM, an
-- import's COPY, a migration, SQL by hand): every change of a case or of one of its
-- collections gives the case a new stamp, in the changing transaction. Forms are valid
-- only while the stamp they were made from (form_stamp) is the case's stamp, and were made
-- with the taxonomies' current labels and order (taxonomies: their fingerprint, which the
-- application computes). A form made from a snapshot that a later change outdates carries
-- the older stamp: it is never used, and it is made again at the next export.
CREATE SEQUENCE case_export_stamp;

CREATE TABLE case_export_form (
    innovation_id BIGINT  PRIMARY KEY,
    -- The case's stamp: from the sequence at each change; 0 for a case that predates this
    -- table and has not changed since.
    stamp         BIGINT  NOT NULL DEFAULT 0,
    form_stamp    BIGINT,
    taxonomies    BIGINT,
    csv           BYTEA,
    json          BYTEA
);

-- Forms are read whole, a thousand at a time, at every export: kept in the row itself
-- (a case's two forms are about 6 KB, a row can hold 8), uncompressed. Out of line, each
-- form read would cost a lookup in the TOAST table's index and the reassembly of its chunks;
-- compressed, its decompression. A row too large for a page still goes out of line.
ALTER TABLE case_export_form ALTER COLUMN csv SET STORAGE EXTERNAL;
ALTER TABLE case_export_form ALTER COLUMN json SET STORAGE EXTERNAL;
ALTER TABLE case_export_form SET (toast_tuple_target = 8160);

-- The taxonomies' fingerprints with which the forms of every published case were made
-- ahead (ExportForms.makeAhead): after a change of labels, or on a catalogue that predates
-- this table, it makes every case's forms again once.
CREATE TABLE case_export_made (
    taxonomies BIGINT PRIMARY KEY,
    made_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The forms still to make: those of new cases and of changed ones (the application makes
-- them ahead of the next export, ExportForms).
CREATE INDEX case_export_form_to_make ON case_export_form (innovation_id) WHERE form_stamp IS DISTINCT FROM stamp;

-- A change of the case's own row, or a new case.
CREATE FUNCTION case_export_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_export_form (innovation_id, stamp)
    SELECT id, nextval('case_export_stamp') FROM (SELECT DISTINCT id FROM changed) cases ORDER BY id
    ON CONFLICT (innovation_id) DO UPDATE SET stamp = EXCLUDED.stamp;
    RETURN NULL;
END
$$;

-- A change of one of its collections (countries, sectors, stages, tags, organisations,
-- links, files). A case being deleted takes its collections with it: no stamp for it.
CREATE FUNCTION case_export_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_export_form (innovation_id, stamp)
    SELECT id, nextval('case_export_stamp')
    FROM (SELECT DISTINCT innovation_id AS id FROM changed WHERE innovation_id IS NOT NULL) cases
    WHERE EXISTS (SELECT 1 FROM innovation WHERE innovation.id = cases.id) ORDER BY id
    ON CONFLICT (innovation_id) DO UPDATE SET stamp = EXCLUDED.stamp;
    RETURN NULL;
END
$$;

CREATE FUNCTION case_export_case_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM case_export_form WHERE innovation_id IN (SELECT id FROM changed);
    RETURN NULL;
END
$$;

-- One statement's rows at a time (an import's thousand, an edit's one), in the order of the
-- -- cases' ids, as exports keep forms: two transactions never lock the same rows in opposite
-- orders. PostgreSQL allows transition tables only on triggers of a single event: three per
-- table.
CREATE TRIGGER case_export_inserted AFTER INSERT ON innovation
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_export_case_changed();
CREATE TRIGGER case_export_updated AFTER UPDATE ON innovation
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_export_case_changed();
CREATE TRIGGER case_export_deleted AFTER DELETE ON innovation
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_export_case_deleted();

DO $$
DECLARE
    part TEXT;
BEGIN
    FOREACH part IN ARRAY ARRAY['innovation_country', 'innovation_sector', 'innovation_innovation_stage',
            'innovation_tag', 'innovation_organisation', 'innovation_link', 'attachment'] LOOP
        EXECUTE format('CREATE TRIGGER case_export_inserted AFTER INSERT ON %I REFERENCING NEW TABLE AS changed '
            'FOR EACH STATEMENT EXECUTE FUNCTION case_export_part_changed()', part);
        EXECUTE format('CREATE TRIGGER case_export_updated AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed '
            'FOR EACH STATEMENT EXECUTE FUNCTION case_export_part_changed()', part);
        EXECUTE format('CREATE TRIGGER case_export_deleted AFTER DELETE ON %I REFERENCING OLD TABLE AS changed '
            'FOR EACH STATEMENT EXECUTE FUNCTION case_export_part_changed()', part);
    END LOOP;
END
$$;
