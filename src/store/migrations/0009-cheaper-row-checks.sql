-- Version 8 → 9: cheaper checks of each row written (issue 18: a fresh apply spent a third of
-- its instructions on them).
-- 1. The closed sets, written so that SQLite checks a row in a few comparisons: SQLite evaluates
--    `x IN ('a', 'b', 'c')` (three values or more) by building a temporary index of the list for
--    every row; `x = 'a' OR x = 'b' OR x = 'c'` accepts and refuses exactly the same values (NULL
--    included).
-- 2. The journal's `before` and `after` are no longer parsed as JSON on every row written:
--    engage writes them with a JSON serializer, and `engage check` reports a row that is not JSON.
-- The stored rows are untouched, so the definitions are rewritten in place (the documented
-- writable_schema procedure, as 0005 does; the runner then bumps schema_version).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(replace(replace(replace(replace(replace(replace(replace(replace(sql,
               'gov_order IN (''federal'', ''provincial'', ''territorial'', ''indigenous'', ''municipal'', ''other'')',
               'gov_order = ''federal'' OR gov_order = ''provincial'' OR gov_order = ''territorial'' OR gov_order = ''indigenous'' OR gov_order = ''municipal'' OR gov_order = ''other'''),
               'kind IN (''table'', ''committee'', ''council'', ''symposium'', ''network'', ''other'')',
               'kind = ''table'' OR kind = ''committee'' OR kind = ''council'' OR kind = ''symposium'' OR kind = ''network'' OR kind = ''other'''),
               'status IN (''planned'', ''in_progress'', ''done'', ''blocked'', ''deferred'', ''cancelled'')',
               'status = ''planned'' OR status = ''in_progress'' OR status = ''done'' OR status = ''blocked'' OR status = ''deferred'' OR status = ''cancelled'''),
               'kind IN (''website'', ''newsletter'', ''magazine'', ''email'', ''social'', ''event'', ''other'')',
               'kind = ''website'' OR kind = ''newsletter'' OR kind = ''magazine'' OR kind = ''email'' OR kind = ''social'' OR kind = ''event'' OR kind = ''other'''),
               'lang IN (''en'', ''fr'', ''bilingual'')',
               'lang = ''en'' OR lang = ''fr'' OR lang = ''bilingual'''),
               'kind IN (''email'', ''key_messages'', ''presentation'', ''talking_points'', ''plan'', ''other'')',
               'kind = ''email'' OR kind = ''key_messages'' OR kind = ''presentation'' OR kind = ''talking_points'' OR kind = ''plan'' OR kind = ''other'''),
               'action IN (''create'', ''update'', ''delete'')',
               'action = ''create'' OR action = ''update'' OR action = ''delete'''),
               'TEXT CHECK (before IS NULL OR json_valid(before))', 'TEXT'),
               'TEXT CHECK (after IS NULL OR json_valid(after))', 'TEXT')
 WHERE type = 'table';
PRAGMA writable_schema = OFF;
