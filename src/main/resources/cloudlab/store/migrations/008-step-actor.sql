-- Who gave each step of a sandbox: the learner or their instructor (chaos). Steps stored before
-- this were all the learner's. The learner's undo and redo pass over the instructor's steps.
ALTER TABLE sandbox_commands ADD COLUMN actor VARCHAR(20) NOT NULL DEFAULT 'learner';
