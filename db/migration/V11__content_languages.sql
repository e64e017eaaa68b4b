-- The languages a case can be written in, as reference data: a facet of the catalogue
-- ("Language of the case") like the other taxonomies. Keys are ISO 639-1 codes; labels are
-- English (translations are in the message bundles, language.<code>).

CREATE TABLE content_language (
    key       VARCHAR(8)   PRIMARY KEY,
    label     VARCHAR(120) NOT NULL,
    position  SMALLINT     NOT NULL
);

INSERT INTO content_language (key, label, position) VALUES
('en', 'English', 1),
('fr', 'French', 2),
('es', 'Spanish', 3),
('pt', 'Portuguese', 4);

-- Every case is in one of them (forms and imports already accept no other).
ALTER TABLE innovation ADD CONSTRAINT innovation_language_fk
    FOREIGN KEY (language) REFERENCES content_language (key);
