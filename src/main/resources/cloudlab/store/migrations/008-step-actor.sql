-- Who gave each step of a sandbox: the learner or their instructor (chaos). Steps stored before
-- this were all the learner's. The learner's undo and redo pass over the instructor's steps.
ALTER TABLE sandbox_commands ADD COLUMN actor VARCHAR(20) NOT NULL DEFAULT 'learner';

-- An instructor's step in one learner's sandbox is announced to that learner's open sandbox page:
-- which sandbox, and the sentence the learner is told.
ALTER TABLE room_events ADD COLUMN sandbox_id VARCHAR(40);
ALTER TABLE room_events ADD COLUMN notice VARCHAR(300);
