-- Images and supporting files of a case. Their bytes live here, in PostgreSQL, so that every
-- Casebook node serves them without a shared disk.
--
-- The bytes are kept once per content (by their SHA-256): a proposed change starts with the
-- case's files as they are, and copying a row copies no bytes. For images the bytes are the
-- image as Casebook re-encoded it (no metadata, nothing but pixels), with a thumbnail; other
-- files are kept as uploaded and only ever served as downloads.
CREATE TABLE attachment_content (
    sha256         VARCHAR(64)  PRIMARY KEY,
    media_type     VARCHAR(100) NOT NULL,
    bytes          BYTEA        NOT NULL,
    thumbnail      BYTEA,
    thumbnail_type VARCHAR(100)
);

-- A file belongs to a submission while it is written (submission_id), to the case once
-- published (innovation_id): never to both. Its id is a random UUID, so that no address of
-- a file can be guessed from another's.
CREATE TABLE attachment (
    id             UUID         PRIMARY KEY,
    submission_id  BIGINT       REFERENCES submission (id) ON DELETE CASCADE,
    innovation_id  BIGINT       REFERENCES innovation (id) ON DELETE CASCADE,
    -- In a proposed change: the case's file this row stands for (its id is kept when the
    -- change is published, so that the file's address does not change).
    origin_id      UUID,
    kind           VARCHAR(10)  NOT NULL CHECK (kind IN ('IMAGE', 'DOCUMENT')),
    media_type     VARCHAR(100) NOT NULL,
    file_name      VARCHAR(120) NOT NULL,
    size           BIGINT       NOT NULL CHECK (size >= 0),
    sha256         VARCHAR(64)  NOT NULL REFERENCES attachment_content (sha256),
    -- An image's text alternative (required), or a document's title (optional).
    description    VARCHAR(300) NOT NULL DEFAULT '',
    width          INTEGER,
    height         INTEGER,
    position       INTEGER      NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    CHECK ((submission_id IS NULL) <> (innovation_id IS NULL))
);

CREATE INDEX attachment_submission ON attachment (submission_id, position) WHERE submission_id IS NOT NULL;
CREATE INDEX attachment_innovation ON attachment (innovation_id, position) WHERE innovation_id IS NOT NULL;
CREATE INDEX attachment_content_use ON attachment (sha256);
