-- 0005: every change of a member's voting right, so the electorate "as of" any past instant
-- can be rebuilt (a vote closed last year is recounted with last year's voting rights). The
-- value before the first change after t is the value at t; with no later change, it is
-- members.voting_right.
CREATE TABLE voting_right_changes (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    at          INTEGER NOT NULL,
    old_value   INTEGER NOT NULL CHECK (old_value IN (0, 1)),
    new_value   INTEGER NOT NULL CHECK (new_value IN (0, 1)),
    actor_id    INTEGER REFERENCES members (id),
    reason      TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 500)
);
CREATE INDEX voting_right_changes_member ON voting_right_changes (member_id, at);
