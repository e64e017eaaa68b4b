-- The case model. Hibernate validates this schema and never changes it.

-- Reference data: every taxonomy term has a stable key (used in URLs and the index) and a label.
CREATE TABLE country (
    code        VARCHAR(8)       PRIMARY KEY,
    iso_numeric VARCHAR(3)       UNIQUE,
    name        VARCHAR(100)     NOT NULL,
    latitude    DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude   DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    area_km2    DOUBLE PRECISION NOT NULL CHECK (area_km2 >= 0),
    grouping    BOOLEAN          NOT NULL DEFAULT FALSE
);

CREATE TABLE country_grouping_member (
    grouping_code VARCHAR(8) NOT NULL REFERENCES country (code),
    member_code   VARCHAR(8) NOT NULL REFERENCES country (code),
    PRIMARY KEY (grouping_code, member_code)
);

CREATE TABLE organisation_type (
    key      VARCHAR(60)  PRIMARY KEY,
    label    VARCHAR(120) NOT NULL,
    position SMALLINT     NOT NULL
);

CREATE TABLE government_level (
    key      VARCHAR(60)  PRIMARY KEY,
    label    VARCHAR(120) NOT NULL,
    position SMALLINT     NOT NULL
);

CREATE TABLE sector (
    key      VARCHAR(60)  PRIMARY KEY,
    label    VARCHAR(120) NOT NULL,
    position SMALLINT     NOT NULL
);

CREATE TABLE innovation_stage (
    key      VARCHAR(60)  PRIMARY KEY,
    label    VARCHAR(120) NOT NULL,
    position SMALLINT     NOT NULL
);

-- Curated tags come with the catalogue; free tags are added as contributors use them.
CREATE TABLE tag (
    key     VARCHAR(80)  PRIMARY KEY,
    label   VARCHAR(120) NOT NULL,
    curated BOOLEAN      NOT NULL DEFAULT FALSE
);

-- Ids are allocated by Hibernate's pooled optimiser and by the demo generator alike.
CREATE SEQUENCE innovation_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE innovation (
    id                       BIGINT        PRIMARY KEY,
    slug                     VARCHAR(160)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title                    VARCHAR(300)  NOT NULL,
    summary                  TEXT,
    overview                 TEXT,
    -- Innovation Description
    what_makes_it_innovative TEXT,
    current_status           TEXT,
    -- Innovation Development
    collaborations           TEXT,
    users_and_stakeholders   TEXT,
    -- Innovation Reflections
    results_and_impacts      TEXT,
    challenges_and_failures  TEXT,
    conditions_for_success   TEXT,
    replication              TEXT,
    lessons_learned          TEXT,
    anything_else            TEXT,
    launch_year              INTEGER       CHECK (launch_year BETWEEN 1900 AND 2100),
    level_key                VARCHAR(60)   REFERENCES government_level (key),
    location_name            VARCHAR(200),
    latitude                 DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude                DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    language                 VARCHAR(8)    NOT NULL,
    status                   VARCHAR(32)   NOT NULL
        CHECK (status IN ('DRAFT', 'PENDING', 'PUBLISHED', 'REVIEWED_NOT_PUBLISHED', 'ARCHIVED')),
    demo                     BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at               TIMESTAMPTZ   NOT NULL,
    updated_at               TIMESTAMPTZ   NOT NULL,
    published_at             TIMESTAMPTZ,
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL)
);

CREATE INDEX innovation_published_idx ON innovation (published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX innovation_demo_idx ON innovation (demo);

CREATE TABLE innovation_country (
    innovation_id BIGINT     NOT NULL REFERENCES innovation (id) ON DELETE CASCADE,
    country_code  VARCHAR(8) NOT NULL REFERENCES country (code),
    PRIMARY KEY (innovation_id, country_code)
);
CREATE INDEX innovation_country_code_idx ON innovation_country (country_code);

CREATE TABLE innovation_sector (
    innovation_id BIGINT      NOT NULL REFERENCES innovation (id) ON DELETE CASCADE,
    sector_key    VARCHAR(60) NOT NULL REFERENCES sector (key),
    PRIMARY KEY (innovation_id, sector_key)
);
CREATE INDEX innovation_sector_key_idx ON innovation_sector (sector_key);

CREATE TABLE innovation_innovation_stage (
    innovation_id BIGINT      NOT NULL REFERENCES innovation (id) ON DELETE CASCADE,
    stage_key     VARCHAR(60) NOT NULL REFERENCES innovation_stage (key),
    PRIMARY KEY (innovation_id, stage_key)
);
CREATE INDEX innovation_innovation_stage_key_idx ON innovation_innovation_stage (stage_key);

CREATE TABLE innovation_tag (
    innovation_id BIGINT      NOT NULL REFERENCES innovation (id) ON DELETE CASCADE,
    tag_key       VARCHAR(80) NOT NULL REFERENCES tag (key),
    PRIMARY KEY (innovation_id, tag_key)
);
CREATE INDEX innovation_tag_key_idx ON innovation_tag (tag_key);

CREATE TABLE innovation_organisation (
    innovation_id BIGINT       NOT NULL REFERENCES innovation (id) ON DELETE CASCADE,
    position      INTEGER      NOT NULL,
    name          VARCHAR(300) NOT NULL,
    type_key      VARCHAR(60)  REFERENCES organisation_type (key),
    PRIMARY KEY (innovation_id, position)
);
CREATE INDEX innovation_organisation_type_idx ON innovation_organisation (type_key);

CREATE TABLE innovation_link (
    innovation_id BIGINT        NOT NULL REFERENCES innovation (id) ON DELETE CASCADE,
    position      INTEGER       NOT NULL,
    kind          VARCHAR(16)   NOT NULL CHECK (kind IN ('WEBSITE', 'RELATED', 'VIDEO')),
    url           VARCHAR(2000) NOT NULL,
    title         VARCHAR(300),
    PRIMARY KEY (innovation_id, position)
);

-- Which sample data sets were loaded, so that restarts never load them twice.
CREATE TABLE data_load (
    name      VARCHAR(100) PRIMARY KEY,
    loaded_at TIMESTAMPTZ  NOT NULL
);
