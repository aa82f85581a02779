-- 0006: who may vote (the "registration" policy). Invitation codes an admin issues (only the
-- code's SHA-256 is stored, as for tokens), the membership register an admin imports, keyed
-- by member number, and why a member has or lacks a voting right, in words they can read.

CREATE TABLE invitations (
    id          INTEGER PRIMARY KEY,
    code_hash   BLOB    NOT NULL UNIQUE CHECK (length(code_hash) = 32),
    note        TEXT    NOT NULL CHECK (length(note) <= 500),
    created_by  INTEGER NOT NULL REFERENCES members (id),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_by     INTEGER UNIQUE REFERENCES members (id),
    used_at     INTEGER,
    revoked_at  INTEGER
);

CREATE TABLE registry_entries (
    member_number    TEXT    PRIMARY KEY,
    email            TEXT    NOT NULL COLLATE NOCASE,
    name             TEXT    NOT NULL,
    in_good_standing INTEGER NOT NULL CHECK (in_good_standing IN (0, 1)),
    member_id        INTEGER UNIQUE REFERENCES members (id),
    updated_at       INTEGER NOT NULL
) WITHOUT ROWID;

ALTER TABLE members ADD COLUMN voting_right_reason TEXT;
-- The member number a member gave on registering: the register's entry with that number and
-- their email matches them, now or at a later import.
ALTER TABLE members ADD COLUMN member_number TEXT;
CREATE UNIQUE INDEX members_member_number ON members (member_number) WHERE member_number IS NOT NULL;
-- A handle's UTS #39 skeleton (NameRules.Skeleton, the same replacements in the same order):
-- a new handle whose skeleton an existing one has looks like it, and is refused.
ALTER TABLE members ADD COLUMN handle_skeleton TEXT;
UPDATE members SET handle_skeleton = replace(replace(replace(replace(replace(replace(replace(replace(lower(handle), '.', ''), '_', ''), '-', ''), '0', 'o'), '1', 'l'), 'm', 'rn'), 'w', 'vv'), 'd', 'cl');
CREATE INDEX members_handle_skeleton ON members (handle_skeleton);
