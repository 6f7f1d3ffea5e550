-- Version 1 → 2: a note on every trackable item, and the journal looked up by item.
ALTER TABLE channel ADD COLUMN note TEXT;
ALTER TABLE material ADD COLUMN note TEXT;
ALTER TABLE milestone ADD COLUMN note TEXT;
CREATE INDEX journal_item ON journal (kind, key);
