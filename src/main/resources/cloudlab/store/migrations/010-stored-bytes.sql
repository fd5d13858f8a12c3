-- What each learner keeps, in bytes, so a per-learner storage cap is one sum over a few rows:
-- a sandbox's start layout and all its steps, and a share link's saved layout with who made it.
ALTER TABLE sandboxes ADD COLUMN bytes BIGINT NOT NULL DEFAULT 0;
UPDATE sandboxes SET bytes = LENGTH(start_layout)
    + COALESCE((SELECT SUM(LENGTH(c.command) + LENGTH(c.events)) FROM sandbox_commands c WHERE c.sandbox_id = sandboxes.id), 0);
ALTER TABLE shared_layouts ADD COLUMN learner_id VARCHAR(40);
ALTER TABLE shared_layouts ADD COLUMN bytes BIGINT NOT NULL DEFAULT 0;
UPDATE shared_layouts SET bytes = LENGTH(layout);
CREATE INDEX shared_layouts_by_learner ON shared_layouts (learner_id);
