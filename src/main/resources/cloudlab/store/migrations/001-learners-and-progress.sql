-- Learners, their browser sessions, lesson progress and quiz answers.
-- Portable SQL: text ids and timestamps (ISO-8601 UTC), no engine-specific types.
CREATE TABLE learners (
    id           VARCHAR(40)  PRIMARY KEY,
    resume_code  VARCHAR(20)  NOT NULL UNIQUE,
    display_name VARCHAR(80),
    created_at   VARCHAR(40)  NOT NULL
);

CREATE TABLE learner_sessions (
    token_hash VARCHAR(80) PRIMARY KEY,
    learner_id VARCHAR(40) NOT NULL REFERENCES learners (id),
    created_at VARCHAR(40) NOT NULL
);

CREATE TABLE lesson_progress (
    learner_id   VARCHAR(40) NOT NULL REFERENCES learners (id),
    lesson       VARCHAR(80) NOT NULL,
    opened_at    VARCHAR(40) NOT NULL,
    completed_at VARCHAR(40),
    PRIMARY KEY (learner_id, lesson)
);

CREATE TABLE quiz_answers (
    learner_id   VARCHAR(40)  NOT NULL REFERENCES learners (id),
    quiz_id      VARCHAR(80)  NOT NULL,
    question_id  VARCHAR(80)  NOT NULL,
    attempt      INTEGER      NOT NULL,
    answer       TEXT         NOT NULL,
    score        DOUBLE PRECISION NOT NULL,
    max_score    DOUBLE PRECISION NOT NULL,
    submitted_at VARCHAR(40)  NOT NULL,
    PRIMARY KEY (learner_id, quiz_id, question_id, attempt)
);
