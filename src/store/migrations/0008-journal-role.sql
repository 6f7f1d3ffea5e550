-- Version 7 → 8: the journal records the database role that made each change (DESIGN.md, "Team
-- store"). A SQLite file has no roles: its rows keep NULL there.
ALTER TABLE journal ADD COLUMN role TEXT;
