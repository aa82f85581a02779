-- 0011: deliberation (issue 17). Comments on proposals, threaded: parent_id is where a comment
-- shows (at most three levels deep; a reply to the third level shows beside it), reply_to_id
-- the comment it answers. An edit keeps the text it replaced in comment_versions; a deletion
-- keeps the row (the thread around it stays whole) and drops nothing but the visible text.

CREATE TABLE comments (
    id           INTEGER PRIMARY KEY,
    proposal_id  INTEGER NOT NULL REFERENCES proposals (id),
    thread_id    INTEGER REFERENCES comments (id),
    parent_id    INTEGER REFERENCES comments (id),
    reply_to_id  INTEGER REFERENCES comments (id),
    depth        INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),
    author_id    INTEGER NOT NULL REFERENCES members (id),
    body         TEXT    NOT NULL CHECK (length(body) <= 10000),
    created_at   INTEGER NOT NULL,
    edited_at    INTEGER,
    deleted_at   INTEGER,
    endorsements INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_proposal_top ON comments (proposal_id, depth, id);
CREATE INDEX comments_proposal_endorsed ON comments (proposal_id, depth, endorsements, id);
CREATE INDEX comments_thread ON comments (thread_id, id);

CREATE TABLE comment_versions (
    comment_id  INTEGER NOT NULL REFERENCES comments (id),
    version     INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    written_at  INTEGER NOT NULL,
    PRIMARY KEY (comment_id, version)
);

CREATE TABLE comment_endorsements (
    comment_id  INTEGER NOT NULL REFERENCES comments (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    at          INTEGER NOT NULL,
    PRIMARY KEY (comment_id, member_id)
);

-- Versions: an edit keeps the title and text it replaced (version 1 is the text as opened); a
-- support records the version it was given to, so a supporter learns the text changed since.
CREATE TABLE proposal_versions (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id),
    version     INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    written_at  INTEGER NOT NULL,
    replaced_at INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, version)
);
ALTER TABLE supports ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- Reports and hiding: a member reports a proposal or a comment once, with a reason; enough
-- reports from members of level 1 or more hide it until a moderator decides; a moderator hides
-- with a public reason; the author may appeal once. Every step is in the public event log.
CREATE TABLE reports (
    id             INTEGER PRIMARY KEY,
    target_kind    TEXT    NOT NULL CHECK (target_kind IN ('proposal', 'comment')),
    target_id      INTEGER NOT NULL,
    proposal_id    INTEGER NOT NULL REFERENCES proposals (id),
    reporter_id    INTEGER NOT NULL REFERENCES members (id),
    reporter_level INTEGER NOT NULL,
    reason         TEXT    NOT NULL CHECK (length(reason) <= 1000),
    created_at     INTEGER NOT NULL,
    decided_at     INTEGER,
    UNIQUE (target_kind, target_id, reporter_id)
);
CREATE INDEX reports_open ON reports (decided_at, target_kind, target_id);

CREATE TABLE hidden_content (
    target_kind  TEXT    NOT NULL CHECK (target_kind IN ('proposal', 'comment')),
    target_id    INTEGER NOT NULL,
    proposal_id  INTEGER NOT NULL REFERENCES proposals (id),
    hidden_at    INTEGER NOT NULL,
    hidden_by    INTEGER REFERENCES members (id),
    reason       TEXT    NOT NULL,
    automatic    INTEGER NOT NULL CHECK (automatic IN (0, 1)),
    decided_at   INTEGER,
    appeal       TEXT,
    appealed_at  INTEGER,
    restored_at  INTEGER,
    PRIMARY KEY (target_kind, target_id)
);

-- Suggestions (LiquidFeedback's model): a concrete change to a proposal's text, weighed by
-- members' opinions (2 must, 1 should, -1 should not, -2 must not) and, after an edit, judged
-- fulfilled or not.
CREATE TABLE suggestions (
    id              INTEGER PRIMARY KEY,
    proposal_id     INTEGER NOT NULL REFERENCES proposals (id),
    author_id       INTEGER NOT NULL REFERENCES members (id),
    body            TEXT    NOT NULL CHECK (length(body) <= 2000),
    created_at      INTEGER NOT NULL,
    created_version INTEGER NOT NULL,
    answered_at     INTEGER
);
CREATE INDEX suggestions_proposal ON suggestions (proposal_id);

CREATE TABLE suggestion_opinions (
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id),
    member_id     INTEGER NOT NULL REFERENCES members (id),
    degree        INTEGER NOT NULL CHECK (degree IN (-2, -1, 1, 2)),
    fulfilled     INTEGER CHECK (fulfilled IN (0, 1)),
    at            INTEGER NOT NULL,
    PRIMARY KEY (suggestion_id, member_id)
);
