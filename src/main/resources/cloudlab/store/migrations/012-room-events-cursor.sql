-- Live updates are read by a cursor instead of a time window: every announced change takes the next
-- number of one counter in the same transaction as its row. The counter's row stays locked until
-- that transaction ends, so the numbers commit in order and without gaps (on PostgreSQL too), and
-- a reader asks only for the numbers above the last one it saw. The rows are a few seconds of
-- announcements, read by nobody after an upgrade, so the old ones (without a number) go.
DELETE FROM room_events;
ALTER TABLE room_events ADD COLUMN seq BIGINT;
CREATE UNIQUE INDEX room_events_by_seq ON room_events (seq);

CREATE TABLE room_event_counter (
    id       INTEGER PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

INSERT INTO room_event_counter (id, last_seq) VALUES (1, 0);
