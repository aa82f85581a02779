-- 0001: every concept of DESIGN.md §2, even where the logic arrives in later work.
-- Instants are INTEGER milliseconds since the Unix epoch, UTC: compact, comparable, and
-- free of text-format ambiguity. Booleans are INTEGER 0/1 with CHECKs.

CREATE TABLE organisation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE areas (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    parent_id   INTEGER REFERENCES areas (id),
    created_at  INTEGER NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX areas_parent ON areas (parent_id);

CREATE TABLE members (
    id              INTEGER PRIMARY KEY,
    handle          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    display_name    TEXT    NOT NULL,
    email           TEXT    UNIQUE COLLATE NOCASE,
    voting_right    INTEGER NOT NULL DEFAULT 1 CHECK (voting_right IN (0, 1)),
    -- Karma decays continuously (DESIGN §4): the value stored is K(t0) at karma_at.
    karma           REAL    NOT NULL DEFAULT 0 CHECK (karma >= 0 AND karma <= 50),
    karma_at        INTEGER NOT NULL,
    joined_at       INTEGER NOT NULL,
    last_active_at  INTEGER NOT NULL
);
CREATE INDEX members_last_active ON members (last_active_at);

CREATE TABLE member_roles (
    member_id   INTEGER NOT NULL REFERENCES members (id),
    role        TEXT    NOT NULL CHECK (role IN ('member', 'moderator', 'admin')),
    PRIMARY KEY (member_id, role)
) WITHOUT ROWID;

-- Policies: organisation-wide (area_id NULL) or per area; every version kept, and a
-- proposal records the version it was opened under (DESIGN §6).
CREATE TABLE policies (
    id              INTEGER PRIMARY KEY,
    area_id         INTEGER REFERENCES areas (id),
    version         INTEGER NOT NULL CHECK (version >= 1),
    values_json     TEXT    NOT NULL CHECK (json_valid(values_json)),
    effective_from  INTEGER NOT NULL,
    created_by      INTEGER REFERENCES members (id),
    UNIQUE (area_id, version)
);

CREATE TABLE proposals (
    id                  INTEGER PRIMARY KEY,
    author_id           INTEGER NOT NULL REFERENCES members (id),
    area_id             INTEGER NOT NULL REFERENCES areas (id),
    title               TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body                TEXT    NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN ('open', 'on_agenda', 'scheduled', 'voting',
                                    'accepted', 'rejected', 'withdrawn', 'expired', 'declined', 'merged')),
    policy_id           INTEGER REFERENCES policies (id),
    merged_into_id      INTEGER REFERENCES proposals (id),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    discussion_starts_at INTEGER,
    voting_starts_at    INTEGER,
    voting_ends_at      INTEGER,
    CHECK (merged_into_id IS NULL OR merged_into_id <> id)
);
CREATE INDEX proposals_area_status ON proposals (area_id, status);
CREATE INDEX proposals_status_created ON proposals (status, created_at);
CREATE INDEX proposals_author ON proposals (author_id);

CREATE TABLE proposal_status_history (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id),
    status      TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    actor_id    INTEGER REFERENCES members (id),
    reason      TEXT
);
CREATE INDEX proposal_status_history_proposal ON proposal_status_history (proposal_id, at);

-- Delegations keep every version: a change closes the current row (valid_to) and opens a
-- new one; a revocation only closes. A version with no delegates is an explicit block.
CREATE TABLE delegations (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    scope_kind  TEXT    NOT NULL CHECK (scope_kind IN ('global', 'area', 'proposal')),
    area_id     INTEGER REFERENCES areas (id),
    proposal_id INTEGER REFERENCES proposals (id),
    valid_from  INTEGER NOT NULL,
    valid_to    INTEGER,
    CHECK ((scope_kind = 'global'   AND area_id IS NULL     AND proposal_id IS NULL)
        OR (scope_kind = 'area'     AND area_id IS NOT NULL AND proposal_id IS NULL)
        OR (scope_kind = 'proposal' AND area_id IS NULL     AND proposal_id IS NOT NULL)),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- At most one current version per member and scope.
CREATE UNIQUE INDEX delegations_current
    ON delegations (member_id, scope_kind, ifnull(area_id, 0), ifnull(proposal_id, 0))
    WHERE valid_to IS NULL;
CREATE INDEX delegations_history ON delegations (member_id, valid_from);

CREATE TABLE delegation_delegates (
    delegation_id INTEGER NOT NULL REFERENCES delegations (id),
    rank          INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 3),
    delegate_id   INTEGER NOT NULL REFERENCES members (id),
    PRIMARY KEY (delegation_id, rank),
    UNIQUE (delegation_id, delegate_id)
) WITHOUT ROWID;
CREATE INDEX delegation_delegates_delegate ON delegation_delegates (delegate_id);

-- A support row stays as history; its points count against the allowance while
-- released_at is NULL (DESIGN §5: leaving Open releases the points).
CREATE TABLE supports (
    member_id    INTEGER NOT NULL REFERENCES members (id),
    proposal_id  INTEGER NOT NULL REFERENCES proposals (id),
    points       INTEGER NOT NULL CHECK (points BETWEEN 1 AND 8),
    allocated_at INTEGER NOT NULL,
    released_at  INTEGER,
    PRIMARY KEY (member_id, proposal_id)
) WITHOUT ROWID;
CREATE INDEX supports_proposal ON supports (proposal_id);

CREATE TABLE endorsements (
    id            INTEGER PRIMARY KEY,
    endorser_id   INTEGER NOT NULL REFERENCES members (id),
    endorsed_id   INTEGER NOT NULL REFERENCES members (id),
    at            INTEGER NOT NULL,
    karma_awarded REAL    NOT NULL CHECK (karma_awarded >= 0),
    CHECK (endorser_id <> endorsed_id)
);
CREATE INDEX endorsements_endorser ON endorsements (endorser_id, at);
CREATE INDEX endorsements_endorsed ON endorsements (endorsed_id, at);

CREATE TABLE votes (
    member_id   INTEGER NOT NULL REFERENCES members (id),
    proposal_id INTEGER NOT NULL REFERENCES proposals (id),
    choice      TEXT    NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
    cast_at     INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, member_id)
) WITHOUT ROWID;
CREATE INDEX votes_member ON votes (member_id);

-- The append-only, hash-chained audit trail. hash = SHA-256(prev_hash ‖ canonical entry);
-- EventLog.cs defines the canonical form.
CREATE TABLE event_log (
    seq         INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor_id    INTEGER,
    type        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    hash        BLOB    NOT NULL CHECK (length(hash) = 32)
);
CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
BEGIN SELECT RAISE(ABORT, 'event_log is append-only'); END;
CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log
BEGIN SELECT RAISE(ABORT, 'event_log is append-only'); END;
