-- Sandboxes: each is a start layout plus an event log of accepted commands.
-- The state is the replay of the start layout and the first `position` commands.
CREATE TABLE sandboxes (
    id           VARCHAR(40)  PRIMARY KEY,
    learner_id   VARCHAR(40)  NOT NULL REFERENCES learners (id),
    title        VARCHAR(200) NOT NULL,
    origin_kind  VARCHAR(20)  NOT NULL,
    origin_ref   VARCHAR(200),
    start_layout TEXT         NOT NULL,
    position     INTEGER      NOT NULL,
    created_at   VARCHAR(40)  NOT NULL,
    updated_at   VARCHAR(40)  NOT NULL
);

CREATE INDEX sandboxes_by_learner ON sandboxes (learner_id, origin_kind, origin_ref);

CREATE TABLE sandbox_commands (
    sandbox_id VARCHAR(40) NOT NULL REFERENCES sandboxes (id),
    seq        INTEGER     NOT NULL,
    command    TEXT        NOT NULL,
    events     TEXT        NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (sandbox_id, seq)
);

CREATE TABLE shared_layouts (
    token      VARCHAR(60) PRIMARY KEY,
    title      VARCHAR(200) NOT NULL,
    layout     TEXT        NOT NULL,
    created_at VARCHAR(40) NOT NULL
);

CREATE TABLE challenge_results (
    learner_id   VARCHAR(40)  NOT NULL REFERENCES learners (id),
    challenge_id VARCHAR(80)  NOT NULL,
    attempt      INTEGER      NOT NULL,
    score        DOUBLE PRECISION NOT NULL,
    passed       INTEGER      NOT NULL,
    layout       TEXT         NOT NULL,
    submitted_at VARCHAR(40)  NOT NULL,
    PRIMARY KEY (learner_id, challenge_id, attempt)
);
