-- Version 2 → 3: meetings as held — who attended (recorded or not) and what was decided.
ALTER TABLE meeting ADD COLUMN outcome TEXT;
ALTER TABLE meeting ADD COLUMN attendance_recorded INTEGER NOT NULL DEFAULT 0 CHECK (attendance_recorded IN (0, 1));
CREATE TABLE meeting_attendee (
    meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    organization_id INTEGER NOT NULL REFERENCES organization (id),
    PRIMARY KEY (meeting_id, organization_id)
) WITHOUT ROWID;
CREATE INDEX meeting_attendee_organization ON meeting_attendee (organization_id);
