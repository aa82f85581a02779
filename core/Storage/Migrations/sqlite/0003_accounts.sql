-- 0003: sign-in. Passwords are PBKDF2 hashes from ASP.NET Core Identity's PasswordHasher;
-- sessions and personal access tokens are random secrets of which only SHA-256 is stored,
-- so a copy of the database lets nobody sign in as anyone.

CREATE TABLE member_credentials (
    member_id           INTEGER PRIMARY KEY REFERENCES members (id),
    password_hash       TEXT    NOT NULL,
    failed_attempts     INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until        INTEGER,
    password_changed_at INTEGER NOT NULL
);

-- Server-side sessions: sign-out really ends them, and any instance can check them.
CREATE TABLE sessions (
    id_hash      BLOB    PRIMARY KEY CHECK (length(id_hash) = 32),
    member_id    INTEGER NOT NULL REFERENCES members (id),
    csrf_token   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER
) WITHOUT ROWID;
CREATE INDEX sessions_member ON sessions (member_id);

CREATE TABLE access_tokens (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members (id),
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   BLOB    NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    scopes       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX access_tokens_member ON access_tokens (member_id);
