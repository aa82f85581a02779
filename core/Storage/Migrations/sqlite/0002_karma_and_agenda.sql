-- 0002: karma, the agenda filter, moderation, the vote's result and the lottery (DESIGN §4–§6).

-- A proposal freezes the effective policy (organisation merged with its area's overrides)
-- it was opened under, so a later policy change never alters a running proposal (DESIGN §6).
ALTER TABLE proposals ADD COLUMN policy_json TEXT CHECK (policy_json IS NULL OR json_valid(policy_json));
ALTER TABLE proposals ADD COLUMN on_agenda_at INTEGER;
-- An open proposal expires at expires_at (30 days after it was opened or returned); the
-- clock finds due work with plain indexed comparisons.
ALTER TABLE proposals ADD COLUMN expires_at INTEGER;
CREATE INDEX proposals_status_expires ON proposals (status, expires_at);
-- Declined proposals may be appealed until appeal_until; an appealed one must be scheduled.
ALTER TABLE proposals ADD COLUMN appeal_until INTEGER;
ALTER TABLE proposals ADD COLUMN appeal_closed INTEGER NOT NULL DEFAULT 0 CHECK (appeal_closed IN (0, 1));
ALTER TABLE proposals ADD COLUMN must_schedule INTEGER NOT NULL DEFAULT 0 CHECK (must_schedule IN (0, 1));

-- early = 1 when the support came while the proposal's score was still below half the
-- quorum: those supporters get the early-support reward when it reaches the agenda (§4).
ALTER TABLE supports ADD COLUMN early INTEGER NOT NULL DEFAULT 0 CHECK (early IN (0, 1));
CREATE INDEX supports_member_current ON supports (member_id) WHERE released_at IS NULL;

-- Every karma change with its reason, so a member can see why their karma is what it is.
CREATE TABLE karma_changes (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    at          INTEGER NOT NULL,
    delta       REAL    NOT NULL,
    karma_after REAL    NOT NULL CHECK (karma_after >= 0 AND karma_after <= 50),
    reason      TEXT    NOT NULL
);
CREATE INDEX karma_changes_member ON karma_changes (member_id, at);

-- The result of a closed vote with the snapshot (DESIGN §7) it was counted from: anyone can
-- run `recount` on the snapshot and must get the stored tally. Immutable once written.
CREATE TABLE proposal_results (
    proposal_id    INTEGER PRIMARY KEY REFERENCES proposals (id),
    closed_at      INTEGER NOT NULL,
    passed         INTEGER NOT NULL CHECK (passed IN (0, 1)),
    quorum_reached INTEGER NOT NULL CHECK (quorum_reached IN (0, 1)),
    yes            REAL    NOT NULL,
    no             REAL    NOT NULL,
    abstain        REAL    NOT NULL,
    snapshot       TEXT    NOT NULL CHECK (json_valid(snapshot)),
    tally          TEXT    NOT NULL CHECK (json_valid(tally))
);
CREATE TRIGGER proposal_results_no_update BEFORE UPDATE ON proposal_results
BEGIN SELECT RAISE(ABORT, 'proposal_results are immutable'); END;
CREATE TRIGGER proposal_results_no_delete BEFORE DELETE ON proposal_results
BEGIN SELECT RAISE(ABORT, 'proposal_results are immutable'); END;

-- The counterweight lottery (DESIGN §4): one row per period with its public inputs, and one
-- row per eligible member with the level and probability it was drawn at.
CREATE TABLE lottery_draws (
    period_id     TEXT    PRIMARY KEY,
    period_start  INTEGER NOT NULL,
    period_end    INTEGER NOT NULL,
    head_seq      INTEGER NOT NULL,
    head_hash     BLOB    NOT NULL CHECK (length(head_hash) = 32),
    seed          BLOB    NOT NULL CHECK (length(seed) = 32),
    drawn_at      INTEGER NOT NULL
);
CREATE TABLE lottery_entries (
    period_id    TEXT    NOT NULL REFERENCES lottery_draws (period_id),
    member_id    INTEGER NOT NULL REFERENCES members (id),
    karma        REAL    NOT NULL,
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    probability  REAL    NOT NULL,
    drawn        INTEGER NOT NULL CHECK (drawn IN (0, 1)),
    PRIMARY KEY (period_id, member_id)
) WITHOUT ROWID;
CREATE TRIGGER lottery_draws_no_update BEFORE UPDATE ON lottery_draws
BEGIN SELECT RAISE(ABORT, 'lottery draws are immutable'); END;
CREATE TRIGGER lottery_entries_no_update BEFORE UPDATE ON lottery_entries
BEGIN SELECT RAISE(ABORT, 'lottery entries are immutable'); END;
