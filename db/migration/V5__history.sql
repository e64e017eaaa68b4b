-- Every change of a case is kept (Hibernate Envers): a revision says when, by whom and how;
-- the audit tables hold each case as it was after each revision that changed it (revtype:
-- 0 added, 1 changed, 2 removed), with the sizes of the cases' own columns. Taxonomies are
-- reference data: only the keys are kept.
CREATE SEQUENCE revision_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE revision (
    id      BIGINT       PRIMARY KEY,
    made_at TIMESTAMPTZ  NOT NULL,
    author  VARCHAR(255) NOT NULL,
    kind    VARCHAR(255) NOT NULL CHECK (kind IN ('EDIT', 'IMPORT', 'SYSTEM'))
);

CREATE TABLE innovation_aud (
    id                       BIGINT   NOT NULL,
    rev                      BIGINT   NOT NULL REFERENCES revision (id),
    revtype                  SMALLINT,
    slug                     VARCHAR(160),
    title                    VARCHAR(300),
    summary                  TEXT,
    overview                 TEXT,
    what_makes_it_innovative TEXT,
    current_status           TEXT,
    collaborations           TEXT,
    users_and_stakeholders   TEXT,
    results_and_impacts      TEXT,
    challenges_and_failures  TEXT,
    conditions_for_success   TEXT,
    replication              TEXT,
    lessons_learned          TEXT,
    anything_else            TEXT,
    launch_year              INTEGER,
    level_key                VARCHAR(60),
    location_name            VARCHAR(200),
    latitude                 DOUBLE PRECISION,
    longitude                DOUBLE PRECISION,
    language                 VARCHAR(8),
    source_name              VARCHAR(300),
    source_url               VARCHAR(2000),
    licence                  VARCHAR(100),
    status                   VARCHAR(32)
        CHECK (status IN ('DRAFT', 'PENDING', 'PUBLISHED', 'REVIEWED_NOT_PUBLISHED', 'ARCHIVED')),
    demo                     BOOLEAN,
    created_at               TIMESTAMPTZ,
    updated_at               TIMESTAMPTZ,
    published_at             TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
CREATE INDEX innovation_aud_rev_idx ON innovation_aud (rev);

CREATE TABLE innovation_country_aud (
    rev           BIGINT       NOT NULL REFERENCES revision (id),
    revtype       SMALLINT,
    innovation_id BIGINT       NOT NULL,
    country_code  VARCHAR(8)   NOT NULL,
    PRIMARY KEY (innovation_id, rev, country_code)
);

CREATE TABLE innovation_sector_aud (
    rev           BIGINT       NOT NULL REFERENCES revision (id),
    revtype       SMALLINT,
    innovation_id BIGINT       NOT NULL,
    sector_key    VARCHAR(60)  NOT NULL,
    PRIMARY KEY (innovation_id, rev, sector_key)
);

CREATE TABLE innovation_innovation_stage_aud (
    rev           BIGINT       NOT NULL REFERENCES revision (id),
    revtype       SMALLINT,
    innovation_id BIGINT       NOT NULL,
    stage_key     VARCHAR(60)  NOT NULL,
    PRIMARY KEY (innovation_id, rev, stage_key)
);

CREATE TABLE innovation_tag_aud (
    rev           BIGINT       NOT NULL REFERENCES revision (id),
    revtype       SMALLINT,
    innovation_id BIGINT       NOT NULL,
    tag_key       VARCHAR(80)  NOT NULL,
    PRIMARY KEY (innovation_id, rev, tag_key)
);

CREATE TABLE innovation_organisation_aud (
    rev           BIGINT       NOT NULL REFERENCES revision (id),
    revtype       SMALLINT     NOT NULL,
    innovation_id BIGINT       NOT NULL,
    position      INTEGER      NOT NULL,
    name          VARCHAR(300),
    type_key      VARCHAR(60),
    PRIMARY KEY (position, revtype, innovation_id, rev)
);

CREATE TABLE innovation_link_aud (
    rev           BIGINT        NOT NULL REFERENCES revision (id),
    revtype       SMALLINT      NOT NULL,
    innovation_id BIGINT        NOT NULL,
    position      INTEGER       NOT NULL,
    kind          VARCHAR(16)   CHECK (kind IN ('WEBSITE', 'RELATED', 'VIDEO')),
    url           VARCHAR(2000),
    title         VARCHAR(300),
    PRIMARY KEY (position, revtype, innovation_id, rev)
);
