-- 0010: notifications (issue 16). The notification feed follows the event log from
-- notification_progress.seq on, in its own transactions after each command committed, and
-- writes one row per recipient; a member's settings say per kind: off, in the app, or also in
-- the daily email digest. A fresh database starts at 0 (the demo's history notifies); an
-- existing one starts at its head, so an upgrade does not replay years of history as news.

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    kind        TEXT    NOT NULL,
    proposal_id INTEGER REFERENCES proposals (id),
    -- The other member the notification is about: the delegator, the delegate.
    subject_id  INTEGER REFERENCES members (id),
    detail      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
    seq         INTEGER,
    created_at  INTEGER NOT NULL,
    read_at     INTEGER,
    -- 1: the member wants this kind in the daily digest too; emailed_at once it went out.
    email       INTEGER NOT NULL DEFAULT 0 CHECK (email IN (0, 1)),
    emailed_at  INTEGER
);
CREATE INDEX notifications_member ON notifications (member_id, id);
CREATE INDEX notifications_unread ON notifications (member_id) WHERE read_at IS NULL;
CREATE INDEX notifications_digest ON notifications (member_id) WHERE email = 1 AND emailed_at IS NULL;

CREATE TABLE notification_settings (
    member_id   INTEGER NOT NULL REFERENCES members (id),
    kind        TEXT    NOT NULL,
    mode        TEXT    NOT NULL CHECK (mode IN ('off', 'app', 'email')),
    PRIMARY KEY (member_id, kind)
) WITHOUT ROWID;

CREATE TABLE notification_progress (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL
);
INSERT INTO notification_progress (id, seq) SELECT 1, coalesce(max(seq), 0) FROM event_log;

-- The time-based reminders (a vote closes in 24 h, my delegate has not voted 48 h before the
-- close) go out once per proposal and kind.
CREATE TABLE notification_reminders (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id),
    kind        TEXT    NOT NULL,
    sent_at     INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, kind)
) WITHOUT ROWID;

-- The daily digest: at most one a day per member.
CREATE TABLE notification_digests (
    member_id   INTEGER PRIMARY KEY REFERENCES members (id),
    sent_at     INTEGER NOT NULL
);
