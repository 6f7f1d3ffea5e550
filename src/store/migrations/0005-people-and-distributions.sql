-- Version 4 → 5: people and distributions; a meeting's date may be left empty while it is only
-- requested. SQLite cannot drop a NOT NULL constraint with ALTER TABLE; the documented way is to
-- rewrite the table's definition in sqlite_schema (the stored rows already satisfy it), which the
-- migration runner follows with a schema_version bump.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'date      TEXT NOT NULL CHECK (date(date) IS date)', 'date      TEXT CHECK (date IS NULL OR date(date) IS date)')
 WHERE type = 'table' AND name = 'meeting';
PRAGMA writable_schema = OFF;

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
    status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'blocked', 'deferred', 'cancelled')),
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
