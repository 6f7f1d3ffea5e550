-- Version 3 → 4: the file says it is an engage store ("EngG"), so that engage can tell its stores
-- from other applications' SQLite files before changing anything about them.
PRAGMA application_id = 1164863303;
