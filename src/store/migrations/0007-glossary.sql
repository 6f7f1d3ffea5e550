-- Version 6 → 7: the campaign's glossary (DESIGN.md, "Official languages"): a shared free-text
-- value (an owner, a location, a chair, a jurisdiction) as stored, and its French.
-- A new table only (IF NOT EXISTS: a store marked older than it is stays upgradable), so that
-- it merges with other migrations by renumbering the file alone.
CREATE TABLE IF NOT EXISTS glossary (
    english TEXT NOT NULL PRIMARY KEY CHECK (length(trim(english)) > 0),
    french  TEXT NOT NULL CHECK (length(trim(french)) > 0)
) WITHOUT ROWID;
