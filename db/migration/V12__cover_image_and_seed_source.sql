-- The image a case's card shows: the first image of its files, kept on the case so that the
-- search index carries it and a list page needs no query to show it. Not versioned (files are
-- not kept version by version).
ALTER TABLE innovation ADD COLUMN cover_image UUID;

UPDATE innovation i
SET cover_image = (SELECT a.id FROM attachment a
                   WHERE a.innovation_id = i.id AND a.kind = 'IMAGE'
                   ORDER BY a.position LIMIT 1)
WHERE EXISTS (SELECT 1 FROM attachment a WHERE a.innovation_id = i.id AND a.kind = 'IMAGE');

-- The seed cases say what they are: excerpts of the OPSI library's list page (several of
-- their summaries end in "…"), under titles written for Casebook (the list page shows none).
UPDATE innovation
SET source_name = 'OECD Observatory of Public Sector Innovation, case study library: the summary is an excerpt of its list page, the title was written for Casebook'
WHERE source_name = 'OECD Observatory of Public Sector Innovation, case study library';
