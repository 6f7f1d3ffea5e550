-- engage store schema, version 9 (PRAGMA user_version = 9).
-- One file holds one campaign. Keys are what users type; ids never leave the store.
-- Dates are ISO text (YYYY-MM-DD), checked to be real dates; timestamps are UTC RFC 3339.
-- A closed set of values is checked as `x = 'a' OR x = 'b' OR …`, not `x IN ('a', 'b', …)`: SQLite
-- builds a temporary index of an IN list of three values or more for every row it checks.

-- The file says it is an engage store ("EngG").
PRAGMA application_id = 1164863303;

CREATE TABLE campaign (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_fr  TEXT,
    start    TEXT CHECK (start IS NULL OR date(start) IS start),
    "end"    TEXT NOT NULL CHECK (date("end") IS "end"),
    leads    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(leads) AND json_type(leads) = 'array'),
    CHECK (start IS NULL OR start <= "end")
);

CREATE TABLE organization (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    name         TEXT NOT NULL,
    name_fr      TEXT,
    gov_order    TEXT NOT NULL CHECK (gov_order = 'federal' OR gov_order = 'provincial' OR gov_order = 'territorial' OR gov_order = 'indigenous' OR gov_order = 'municipal' OR gov_order = 'other'),
    jurisdiction TEXT,
    contact      TEXT
);

CREATE TABLE forum (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    name     TEXT NOT NULL,
    name_fr  TEXT,
    kind     TEXT NOT NULL CHECK (kind = 'table' OR kind = 'committee' OR kind = 'council' OR kind = 'symposium' OR kind = 'network' OR kind = 'other'),
    chair    TEXT
);

CREATE TABLE forum_member (
    forum_id        INTEGER NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organization (id),
    PRIMARY KEY (forum_id, organization_id)
) WITHOUT ROWID;
CREATE INDEX forum_member_organization ON forum_member (organization_id);

CREATE TABLE meeting (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    forum_id  INTEGER NOT NULL REFERENCES forum (id),
    date      TEXT CHECK (date IS NULL OR date(date) IS date),
    end_date  TEXT CHECK (end_date IS NULL OR (date(end_date) IS end_date AND end_date >= date)),
    location  TEXT,
    outcome   TEXT,
    -- 1 once attendance is recorded (meeting_attendee then lists who came, possibly nobody).
    attendance_recorded INTEGER NOT NULL DEFAULT 0 CHECK (attendance_recorded IN (0, 1))
);
CREATE INDEX meeting_date ON meeting (date);
CREATE INDEX meeting_forum ON meeting (forum_id);

CREATE TABLE meeting_attendee (
    meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organization (id),
    PRIMARY KEY (meeting_id, organization_id)
) WITHOUT ROWID;
CREATE INDEX meeting_attendee_organization ON meeting_attendee (organization_id);

CREATE TABLE agenda_item (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    key        TEXT NOT NULL CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    topic      TEXT NOT NULL,
    topic_fr   TEXT,
    owner      TEXT,
    status     TEXT NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'in_progress' OR status = 'done' OR status = 'blocked' OR status = 'deferred' OR status = 'cancelled'),
    done_on    TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    note       TEXT,
    UNIQUE (meeting_id, key),
    CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX agenda_item_status ON agenda_item (status);

CREATE TABLE channel (
    id              INTEGER PRIMARY KEY,
    key             TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    name            TEXT NOT NULL,
    name_fr         TEXT,
    kind            TEXT NOT NULL CHECK (kind = 'website' OR kind = 'newsletter' OR kind = 'magazine' OR kind = 'email' OR kind = 'social' OR kind = 'event' OR kind = 'other'),
    organization_id INTEGER REFERENCES organization (id),
    owner           TEXT,
    due             TEXT CHECK (due IS NULL OR date(due) IS due),
    status          TEXT NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'in_progress' OR status = 'done' OR status = 'blocked' OR status = 'deferred' OR status = 'cancelled'),
    done_on         TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    url             TEXT CHECK (url IS NULL OR url GLOB 'http://?*' OR url GLOB 'https://?*'),
    lang            TEXT NOT NULL DEFAULT 'bilingual' CHECK (lang = 'en' OR lang = 'fr' OR lang = 'bilingual'),
    counterpart     TEXT,
    note            TEXT,
    CHECK ((status = 'done') = (done_on IS NOT NULL)),
    CHECK (counterpart IS NULL OR counterpart <> key)
);
CREATE INDEX channel_due ON channel (due);
CREATE INDEX channel_organization ON channel (organization_id);

CREATE TABLE material (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    title       TEXT NOT NULL,
    title_fr    TEXT,
    kind        TEXT NOT NULL CHECK (kind = 'email' OR kind = 'key_messages' OR kind = 'presentation' OR kind = 'talking_points' OR kind = 'plan' OR kind = 'other'),
    owner       TEXT,
    due         TEXT CHECK (due IS NULL OR date(due) IS due),
    status      TEXT NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'in_progress' OR status = 'done' OR status = 'blocked' OR status = 'deferred' OR status = 'cancelled'),
    done_on     TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    url         TEXT CHECK (url IS NULL OR url GLOB 'http://?*' OR url GLOB 'https://?*'),
    lang        TEXT NOT NULL DEFAULT 'bilingual' CHECK (lang = 'en' OR lang = 'fr' OR lang = 'bilingual'),
    counterpart TEXT,
    note        TEXT,
    CHECK ((status = 'done') = (done_on IS NOT NULL)),
    CHECK (counterpart IS NULL OR counterpart <> key)
);
CREATE INDEX material_due ON material (due);

CREATE TABLE milestone (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    title         TEXT NOT NULL,
    title_fr      TEXT,
    owner         TEXT,
    due           TEXT NOT NULL CHECK (date(due) IS due),
    duration_days INTEGER NOT NULL DEFAULT 0 CHECK (duration_days >= 0),
    status        TEXT NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'in_progress' OR status = 'done' OR status = 'blocked' OR status = 'deferred' OR status = 'cancelled'),
    done_on       TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    note          TEXT,
    CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX milestone_due ON milestone (due);

CREATE TABLE milestone_dependency (
    milestone_id  INTEGER NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    depends_on_id INTEGER NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    PRIMARY KEY (milestone_id, depends_on_id),
    CHECK (milestone_id <> depends_on_id)
) WITHOUT ROWID;
CREATE INDEX milestone_dependency_reverse ON milestone_dependency (depends_on_id);

CREATE TABLE person (
    id                INTEGER PRIMARY KEY,
    key               TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    organization_id   INTEGER NOT NULL REFERENCES organization (id),
    role              TEXT,
    email             TEXT,
    lang              TEXT CHECK (lang IS NULL OR lang IN ('en', 'fr')),
    source            TEXT,
    contact_permitted INTEGER NOT NULL DEFAULT 1 CHECK (contact_permitted IN (0, 1)),
    retain_until      TEXT CHECK (retain_until IS NULL OR date(retain_until) IS retain_until)
);
CREATE INDEX person_organization ON person (organization_id);

-- One material sent to one recipient: an organization or a person, never both.
CREATE TABLE distribution (
    id              INTEGER PRIMARY KEY,
    material_id     INTEGER NOT NULL REFERENCES material (id),
    organization_id INTEGER REFERENCES organization (id),
    person_id       INTEGER REFERENCES person (id),
    via_id          INTEGER REFERENCES organization (id),
    due             TEXT CHECK (due IS NULL OR date(due) IS due),
    status          TEXT NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'in_progress' OR status = 'done' OR status = 'blocked' OR status = 'deferred' OR status = 'cancelled'),
    done_on         TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    acknowledged_on TEXT CHECK (acknowledged_on IS NULL OR date(acknowledged_on) IS acknowledged_on),
    note            TEXT,
    CHECK ((organization_id IS NULL) <> (person_id IS NULL)),
    CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE UNIQUE INDEX distribution_to_organization ON distribution (material_id, organization_id) WHERE organization_id IS NOT NULL;
CREATE UNIQUE INDEX distribution_to_person ON distribution (material_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX distribution_organization ON distribution (organization_id);
CREATE INDEX distribution_person ON distribution (person_id);
CREATE INDEX distribution_via ON distribution (via_id);

-- A follow-up committed at a meeting (meeting_id) or elsewhere.
CREATE TABLE action_item (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    title      TEXT NOT NULL,
    title_fr   TEXT,
    owner      TEXT,
    due        TEXT CHECK (due IS NULL OR date(due) IS due),
    meeting_id INTEGER REFERENCES meeting (id),
    status     TEXT NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'in_progress' OR status = 'done' OR status = 'blocked' OR status = 'deferred' OR status = 'cancelled'),
    done_on    TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    note       TEXT,
    CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX action_item_due ON action_item (due);
CREATE INDEX action_item_meeting ON action_item (meeting_id);

-- An expected result of the campaign, made measurable, and its measurements (one a day).
CREATE TABLE expected_result (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9._-]*'),
    title     TEXT NOT NULL,
    title_fr  TEXT,
    gov_order TEXT CHECK (gov_order IS NULL OR gov_order = 'federal' OR gov_order = 'provincial' OR gov_order = 'territorial' OR gov_order = 'indigenous' OR gov_order = 'municipal' OR gov_order = 'other'),
    target    REAL NOT NULL CHECK (target > 0),
    unit      TEXT,
    due       TEXT CHECK (due IS NULL OR date(due) IS due),
    note      TEXT
);

CREATE TABLE result_measure (
    result_id   INTEGER NOT NULL REFERENCES expected_result (id) ON DELETE CASCADE,
    measured_on TEXT NOT NULL CHECK (date(measured_on) IS measured_on),
    value       REAL NOT NULL,
    note        TEXT,
    PRIMARY KEY (result_id, measured_on)
) WITHOUT ROWID;

-- The glossary: a shared free-text value (owner, location, chair, jurisdiction) as stored, and
-- its French, shown by French human output.
CREATE TABLE glossary (
    english TEXT NOT NULL PRIMARY KEY CHECK (length(trim(english)) > 0),
    french  TEXT NOT NULL CHECK (length(trim(french)) > 0)
) WITHOUT ROWID;

-- The audit trail: one row per item changed by a command; never updated, never deleted.
CREATE TABLE journal (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    command TEXT NOT NULL,
    kind    TEXT NOT NULL,
    key     TEXT NOT NULL,
    action  TEXT NOT NULL CHECK (action = 'create' OR action = 'update' OR action = 'delete'),
    -- The item before and after, as JSON: `engage check` reports a row that is not JSON (SQLite
    -- parsing both on every row written was a tenth of applying a large plan).
    before  TEXT,
    after   TEXT,
    -- The database role that made the change (a team store's); NULL in a SQLite file.
    role    TEXT
);
CREATE INDEX journal_item ON journal (kind, key);
CREATE INDEX journal_at ON journal (at);

CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
