-- How much of the narrative a submission tells (the overview and the ten sections written, in
-- percent), kept at every save so that editors can take complete cases first.
ALTER TABLE submission ADD COLUMN completeness INTEGER NOT NULL DEFAULT 0
    CHECK (completeness BETWEEN 0 AND 100);
