-- Results belong to a workshop: each attempt, hint and challenge check records the workshop it was
-- made in (null: self-study, or made before this). A membership remembers when the learner last
-- chose to work in it (joining or rejoining), which decides their working workshop.
ALTER TABLE quiz_answers ADD COLUMN workshop_id VARCHAR(40);
ALTER TABLE quiz_hints ADD COLUMN workshop_id VARCHAR(40);
ALTER TABLE challenge_results ADD COLUMN workshop_id VARCHAR(40);
ALTER TABLE workshop_members ADD COLUMN working_since VARCHAR(40);

CREATE INDEX quiz_answers_by_workshop ON quiz_answers (workshop_id);
CREATE INDEX challenge_results_by_workshop ON challenge_results (workshop_id);

-- A workshop may set its own attempt policy for every quiz it covers (null: each quiz's own).
ALTER TABLE workshops ADD COLUMN policy VARCHAR(60);

-- An admin instructor sees and regrades every workshop; the first instructor is one.
ALTER TABLE instructors ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;

-- Instructors' API tokens: only the SHA-256 of a token is kept; a revoked token stays listed.
CREATE TABLE api_tokens (
    token_hash VARCHAR(80)  PRIMARY KEY,
    id         VARCHAR(40)  NOT NULL UNIQUE,
    instructor VARCHAR(64)  NOT NULL REFERENCES instructors (name),
    name       VARCHAR(80)  NOT NULL,
    scope      VARCHAR(20)  NOT NULL,
    created_at VARCHAR(40)  NOT NULL,
    revoked_at VARCHAR(40)
);

CREATE INDEX api_tokens_by_instructor ON api_tokens (instructor);

-- Every applied regrade: who ran it, when, over which workshop (null: the whole course), how,
-- how many scores it changed and the sum of the counted scores before and after.
CREATE TABLE regrade_audit (
    id           VARCHAR(40)  PRIMARY KEY,
    workshop_id  VARCHAR(40),
    instructor   VARCHAR(64)  NOT NULL,
    at           VARCHAR(40)  NOT NULL,
    mode         VARCHAR(20)  NOT NULL,
    changed      INTEGER      NOT NULL,
    total_before DOUBLE PRECISION NOT NULL,
    total_after  DOUBLE PRECISION NOT NULL,
    details      TEXT         NOT NULL
);
