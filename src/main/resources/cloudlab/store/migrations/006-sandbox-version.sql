-- A sandbox's version goes up with every change, so a server can tell whether the log it holds in
-- memory is still the one in the database.
ALTER TABLE sandboxes ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
