-- Instructors sign in with a name and password (a slow salted hash, never the password itself).
CREATE TABLE instructors (
    name          VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(300) NOT NULL,
    created_at    VARCHAR(40)  NOT NULL
);

CREATE TABLE instructor_sessions (
    token_hash VARCHAR(80) PRIMARY KEY,
    instructor VARCHAR(64) NOT NULL REFERENCES instructors (name),
    created_at VARCHAR(40) NOT NULL,
    expires_at VARCHAR(40) NOT NULL
);
