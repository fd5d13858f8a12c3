-- Workshops: an instructor's session with a join code, the lessons it covers, a start layout
-- for its sandboxes and how far the room may go (unlocked = -1 means every lesson).
CREATE TABLE workshops (
    id           VARCHAR(40)  PRIMARY KEY,
    code         VARCHAR(12)  NOT NULL UNIQUE,
    title        VARCHAR(200) NOT NULL,
    instructor   VARCHAR(64)  NOT NULL REFERENCES instructors (name),
    lessons      TEXT         NOT NULL,
    start_layout TEXT,
    unlocked     INTEGER      NOT NULL,
    created_at   VARCHAR(40)  NOT NULL,
    closed_at    VARCHAR(40)
);

CREATE TABLE workshop_members (
    workshop_id  VARCHAR(40) NOT NULL REFERENCES workshops (id),
    learner_id   VARCHAR(40) NOT NULL REFERENCES learners (id),
    display_name VARCHAR(80) NOT NULL,
    sandbox_id   VARCHAR(40),
    joined_at    VARCHAR(40) NOT NULL,
    last_seen_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (workshop_id, learner_id)
);

CREATE INDEX workshop_members_by_learner ON workshop_members (learner_id);
