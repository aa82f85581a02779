-- 0012: the account page and sign-in safety. A session remembers the browser that started it
-- (so a member can tell their sessions apart), a member their language, and failed sign-ins
-- are kept for an hour per account and per client, for the back-off (docs/accounts.md).

ALTER TABLE sessions ADD COLUMN user_agent TEXT;
ALTER TABLE members ADD COLUMN language TEXT;

CREATE TABLE sign_in_failures (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER REFERENCES members (id),
    client    TEXT    NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_client ON sign_in_failures (client, at);
CREATE INDEX sign_in_failures_member ON sign_in_failures (member_id, at);

-- Admins archive an area rather than delete it: it takes no new proposals, its history stays.
ALTER TABLE areas ADD COLUMN archived_at INTEGER;
