-- Version 5 → 6: follow-up actions (committed at a meeting or elsewhere) and expected results
-- with their measurements.
-- IF NOT EXISTS: a store marked with an older version than its tables (as some tests make) upgrades too.
CREATE TABLE IF NOT EXISTS action_item (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    title      TEXT NOT NULL,
    title_fr   TEXT,
    owner      TEXT,
    due        TEXT CHECK (due IS NULL OR date(due) IS due),
    meeting_id INTEGER REFERENCES meeting (id),
    status     TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'blocked', 'deferred', 'cancelled')),
    done_on    TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    note       TEXT,
    CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS action_item_due ON action_item (due);
CREATE INDEX IF NOT EXISTS action_item_meeting ON action_item (meeting_id);

CREATE TABLE IF NOT EXISTS expected_result (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    title     TEXT NOT NULL,
    title_fr  TEXT,
    gov_order TEXT CHECK (gov_order IS NULL OR gov_order IN ('federal', 'provincial', 'territorial', 'indigenous', 'municipal', 'other')),
    target    REAL NOT NULL CHECK (target > 0),
    unit      TEXT,
    due       TEXT CHECK (due IS NULL OR date(due) IS due),
    note      TEXT
);

CREATE TABLE IF NOT EXISTS result_measure (
    result_id   INTEGER NOT NULL REFERENCES expected_result (id) ON DELETE CASCADE,
    measured_on TEXT NOT NULL CHECK (date(measured_on) IS measured_on),
    value       REAL NOT NULL,
    note        TEXT,
    PRIMARY KEY (result_id, measured_on)
) WITHOUT ROWID;
