-- 0013: issues with alternatives (DESIGN §8, issue 18). A proposal that reaches the agenda is an
-- issue of one (the issue's id is that proposal's); during its discussion window members add
-- alternatives, each with its own supporters. An alternative whose supporters reach the issue's
-- ballot threshold (fixed when the first alternative opens it: 10 % of the agenda quorum) is on
-- the ballot, and then the issue is voted with ranked ballots instead of yes/no.

CREATE TABLE issues (
    proposal_id      INTEGER PRIMARY KEY REFERENCES proposals (id),
    ballot_threshold INTEGER NOT NULL CHECK (ballot_threshold >= 1),
    opened_at        INTEGER NOT NULL
);

CREATE TABLE issue_alternatives (
    id          INTEGER PRIMARY KEY,
    issue_id    INTEGER NOT NULL REFERENCES issues (proposal_id),
    author_id   INTEGER NOT NULL REFERENCES members (id),
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX issue_alternatives_issue ON issue_alternatives (issue_id, id);

CREATE TABLE alternative_supporters (
    alternative_id INTEGER NOT NULL REFERENCES issue_alternatives (id),
    member_id      INTEGER NOT NULL REFERENCES members (id),
    supported_at   INTEGER NOT NULL,
    PRIMARY KEY (alternative_id, member_id)
) WITHOUT ROWID;

-- A ranked ballot: its groups best first as JSON of choice keys ("statusQuo", "p<id>", "a<id>").
CREATE TABLE ranked_ballots (
    issue_id   INTEGER NOT NULL REFERENCES issues (proposal_id),
    member_id  INTEGER NOT NULL REFERENCES members (id),
    ranking    TEXT    NOT NULL,
    cast_at    INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (issue_id, member_id)
) WITHOUT ROWID;
