-- Every quiz attempt keeps what is needed to explain and recompute its grade:
-- the variant's seed, the hints shown, and the version of the question it answered.
ALTER TABLE quiz_answers ADD COLUMN seed VARCHAR(20);
ALTER TABLE quiz_answers ADD COLUMN hints VARCHAR(200);
ALTER TABLE quiz_answers ADD COLUMN question_version VARCHAR(20);

CREATE TABLE quiz_hints (
    learner_id  VARCHAR(40) NOT NULL REFERENCES learners (id),
    quiz_id     VARCHAR(80) NOT NULL,
    question_id VARCHAR(80) NOT NULL,
    hint        INTEGER     NOT NULL,
    shown_at    VARCHAR(40) NOT NULL,
    PRIMARY KEY (learner_id, quiz_id, question_id, hint)
);
