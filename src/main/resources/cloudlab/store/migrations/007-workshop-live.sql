-- The live workshop: changes announced through the database so every server sees them (one row per
-- change, read back by time window; old rows are swept), co-instructors, and the line and timer an
-- instructor puts on the projector and on learners' pages.
CREATE TABLE room_events (
    id          VARCHAR(40) PRIMARY KEY,
    workshop_id VARCHAR(40) NOT NULL,
    learner_id  VARCHAR(40),
    at_ms       BIGINT      NOT NULL
);

CREATE INDEX room_events_by_time ON room_events (at_ms);

CREATE TABLE workshop_instructors (
    workshop_id VARCHAR(40) NOT NULL REFERENCES workshops (id),
    instructor  VARCHAR(64) NOT NULL REFERENCES instructors (name),
    PRIMARY KEY (workshop_id, instructor)
);

CREATE INDEX workshop_instructors_by_name ON workshop_instructors (instructor);

CREATE TABLE workshop_boards (
    workshop_id   VARCHAR(40) PRIMARY KEY REFERENCES workshops (id),
    announcement  VARCHAR(300),
    timer_ends_at VARCHAR(40)
);
