-- Where each case comes from and under which terms its text may be reused: shown on the
-- case page and in the open data. A case written in Casebook has no outside source.
ALTER TABLE innovation
    ADD COLUMN source_name VARCHAR(300),
    ADD COLUMN source_url  VARCHAR(2000),
    ADD COLUMN licence     VARCHAR(100);

-- Generated demo cases leave them empty: their provenance follows from the demo flag (no
-- rewrite of a million rows here).

-- The seed cases are excerpts of the OPSI case study library's list page; OPSI states no
-- licence for them, so none is claimed.
UPDATE innovation
SET source_name = 'OECD Observatory of Public Sector Innovation, case study library',
    source_url  = 'https://oecd-opsi.org/case-study-library/'
WHERE NOT demo AND slug IN (
    'govtech-poland-challenge-based-procurement',
    'make-org-consultation-citoyenne',
    'un-decret-par-tous-un-decret-pour-tous',
    'les-halles-civiques',
    'european-citizens-consultations',
    'latvia-consultations-future-of-europe',
    'education-in-open-government',
    'anonymous-foi-requests-brazil',
    'crowdsourced-mexico-city-constitution',
    'cities-in-play-brazil');
