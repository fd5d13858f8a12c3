-- A learner may delete a sandbox. A share link remembers which sandbox it was made from, so that
-- after a delete it says the layout is gone (its copy of the layout is cleared) instead of still
-- handing it out.
ALTER TABLE shared_layouts ADD COLUMN sandbox_id VARCHAR(40);
ALTER TABLE shared_layouts ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;
