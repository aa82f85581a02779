-- 0016: metamoderation (issue 17 point 5). At each lottery period's end, members of level 1 or
-- more who are not moderators are drawn as jurors from a seed of the period and the event-log
-- head (docs/moderation.md gives the encodings); each juror judges a sample of the period's
-- moderator actions as fair or unfair. A moderator whose share judged fair falls under the
-- policy's threshold loses the role until an admin reviews it.

CREATE TABLE metamoderation_draws (
    period_id     TEXT    PRIMARY KEY,
    period_start  INTEGER NOT NULL,
    period_end    INTEGER NOT NULL,
    head_seq      INTEGER NOT NULL,
    head_hash     BLOB    NOT NULL CHECK (length(head_hash) = 32),
    seed          BLOB    NOT NULL CHECK (length(seed) = 32),
    jurors        INTEGER NOT NULL CHECK (jurors >= 0),
    sample_size   INTEGER NOT NULL CHECK (sample_size >= 1),
    judging_ends  INTEGER NOT NULL,
    drawn_at      INTEGER NOT NULL
);
-- Every eligible member, drawn or not: with the seed, enough to recompute the draw.
CREATE TABLE metamoderation_entries (
    period_id  TEXT    NOT NULL REFERENCES metamoderation_draws (period_id),
    member_id  INTEGER NOT NULL REFERENCES members (id),
    level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    drawn      INTEGER NOT NULL CHECK (drawn IN (0, 1)),
    PRIMARY KEY (period_id, member_id)
) WITHOUT ROWID;
CREATE TRIGGER metamoderation_draws_no_update BEFORE UPDATE ON metamoderation_draws
BEGIN SELECT RAISE(ABORT, 'metamoderation draws are immutable'); END;
CREATE TRIGGER metamoderation_entries_no_update BEFORE UPDATE ON metamoderation_entries
BEGIN SELECT RAISE(ABORT, 'metamoderation entries are immutable'); END;

-- One juror's judgement of one moderator action (an event-log entry), once.
CREATE TABLE metamoderation_judgements (
    period_id     TEXT    NOT NULL REFERENCES metamoderation_draws (period_id),
    juror_id      INTEGER NOT NULL REFERENCES members (id),
    event_seq     INTEGER NOT NULL,
    moderator_id  INTEGER NOT NULL REFERENCES members (id),
    fair          INTEGER NOT NULL CHECK (fair IN (0, 1)),
    comment       TEXT,
    judged_at     INTEGER NOT NULL,
    PRIMARY KEY (period_id, juror_id, event_seq)
);
CREATE INDEX metamoderation_judgements_moderator ON metamoderation_judgements (moderator_id, judged_at);

-- A moderator who fell under the threshold: the role is gone until an admin decides.
CREATE TABLE moderator_reviews (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members (id),
    suspended_at  INTEGER NOT NULL,
    fair_share    REAL    NOT NULL,
    judgements    INTEGER NOT NULL,
    decided_at    INTEGER,
    decided_by    INTEGER REFERENCES members (id),
    restored      INTEGER CHECK (restored IN (0, 1)),
    reason        TEXT
);
CREATE INDEX moderator_reviews_member ON moderator_reviews (member_id, id);
