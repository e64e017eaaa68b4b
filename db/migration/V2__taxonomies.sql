-- Taxonomies as the OECD OPSI case study library used them (2018-2022).

INSERT INTO organisation_type (key, label, position) VALUES
('government', 'Government', 1),
('ngo', 'Non-Governmental Organisation (NGO)', 2),
('international-organisation', 'International Organisation', 3),
('academia', 'Academia', 4),
('private-sector', 'Private Sector', 5),
('independent-institution', 'Independent institution', 6);

INSERT INTO government_level (key, label, position) VALUES
('national', 'National/Federal', 1),
('regional', 'Regional/State', 2),
('local', 'Local', 3),
('other', 'Other', 4);

INSERT INTO sector (key, label, position) VALUES
('economic-affairs', 'Economic affairs', 1),
('education', 'Education', 2),
('employment', 'Employment and labour-related affairs', 3),
('environment', 'Environmental protection, climate change and agriculture', 4),
('external-relations', 'External relations', 5),
('health', 'Health', 6),
('housing', 'Housing and community relations', 7),
('digital', 'Information society and digitalisation', 8),
('public-administration', 'Public administration modernisation and reform', 9),
('public-order', 'Public order and safety, justice and human rights', 10),
('culture', 'Recreation, culture and religion', 11),
('science', 'Science, research and innovation', 12),
('transport', 'Transport and infrastructure', 13);

INSERT INTO innovation_stage (key, label, position) VALUES
('identifying', 'Identifying or discovering problems or opportunities', 1),
('generating-ideas', 'Generating ideas or designing solutions', 2),
('developing-proposals', 'Developing proposals', 3),
('implementation', 'Implementation', 4),
('evaluation', 'Evaluation', 5),
('diffusing-lessons', 'Diffusing lessons', 6);

INSERT INTO tag (key, label, curated) VALUES
('public-policy', 'Public policy', TRUE),
('digital-transformation', 'Digital transformation', TRUE),
('behavioural-insights', 'Behavioural insights', TRUE),
('open-data', 'Open data', TRUE),
('service-design', 'Service design', TRUE),
('systems-change', 'Systems change', TRUE),
('co-design', 'Co-design', TRUE),
('evaluation-and-oversight', 'Evaluation and oversight', TRUE),
('cross-border', 'Cross-border', TRUE),
('citizen-engagement', 'Citizen engagement', TRUE),
('crowdsourcing', 'Crowdsourcing', TRUE),
('transparency', 'Transparency', TRUE),
('public-procurement', 'Public procurement', TRUE),
('open-government', 'Open government', TRUE),
('participatory-democracy', 'Participatory democracy', TRUE),
('gamification', 'Gamification', TRUE);
