-- 0018: alternatives are proposals (issue 18). An alternative is a proposal in the same issue
-- (issue_id names the issue's lead proposal), with its own support points, status history,
-- versions and comments. It is Open during the issue's discussion window; when voting opens it
-- moves to Voting if its support reached the issue's ballot threshold (a share of the agenda
-- quorum, policy alternativeQuorumShare) or to Expired if not, and its points are released; the
-- close decides it (Accepted when it wins, else Rejected). The issue keeps its threshold (now in
-- support points, as the quorum it is a share of).
--
-- The rows of issue_alternatives become proposals; alternative_proposals records which proposal
-- each became (results closed before 0018 keep their old keys a<alternative id>: their snapshots
-- are hashed in the event log). Ranked ballots of open issues are rewritten to the new keys.
-- Each former supporter holds 1 point on the new proposal.

ALTER TABLE proposals ADD COLUMN issue_id INTEGER REFERENCES proposals (id);
CREATE INDEX proposals_issue ON proposals (issue_id, id) WHERE issue_id IS NOT NULL;

CREATE TABLE alternative_proposals (
    alternative_id INTEGER PRIMARY KEY,
    proposal_id    INTEGER NOT NULL UNIQUE
);

INSERT INTO alternative_proposals (alternative_id, proposal_id)
SELECT a.id, (SELECT coalesce(max(id), 0) FROM proposals) + row_number() OVER (ORDER BY a.id)
FROM issue_alternatives a;

INSERT INTO proposals (id, author_id, area_id, title, body, status, policy_id, policy_json, created_at, updated_at, issue_id)
SELECT m.proposal_id, a.author_id, p.area_id, a.title, a.body,
       CASE
           WHEN p.status IN ('open', 'on_agenda', 'scheduled') THEN 'open'
           WHEN (SELECT count(*) FROM alternative_supporters s WHERE s.alternative_id = a.id) < i.ballot_threshold THEN 'expired'
           WHEN p.status = 'voting' THEN 'voting'
           WHEN json_extract(r.tally, '$.winner') = 'a' || a.id THEN 'accepted'
           ELSE 'rejected'
       END,
       p.policy_id, p.policy_json, a.created_at, a.created_at, a.issue_id
FROM issue_alternatives a
JOIN alternative_proposals m ON m.alternative_id = a.id
JOIN proposals p ON p.id = a.issue_id
JOIN issues i ON i.proposal_id = a.issue_id
LEFT JOIN proposal_results r ON r.proposal_id = a.issue_id
ORDER BY a.id;

INSERT INTO proposal_status_history (proposal_id, status, at, actor_id, reason)
SELECT m.proposal_id, 'open', a.created_at, a.author_id, 'an alternative in issue ' || a.issue_id
FROM issue_alternatives a JOIN alternative_proposals m ON m.alternative_id = a.id
ORDER BY a.id;

INSERT INTO proposal_status_history (proposal_id, status, at, actor_id, reason)
SELECT p.id, p.status, coalesce(lead.voting_starts_at, p.created_at), NULL, 'migrated with the issue (0018)'
FROM proposals p JOIN proposals lead ON lead.id = p.issue_id
WHERE p.status <> 'open'
ORDER BY p.id;

INSERT INTO supports (member_id, proposal_id, points, allocated_at, released_at, early, version)
SELECT s.member_id, m.proposal_id, 1, s.supported_at,
       CASE WHEN p.status = 'open' THEN NULL ELSE coalesce(lead.voting_starts_at, s.supported_at) END, 0, 1
FROM alternative_supporters s
JOIN alternative_proposals m ON m.alternative_id = s.alternative_id
JOIN proposals p ON p.id = m.proposal_id
JOIN proposals lead ON lead.id = p.issue_id;

UPDATE ranked_ballots SET ranking = (
    SELECT json_group_array(json(grp)) FROM (
        SELECT (SELECT json_group_array(coalesce('a' || m.proposal_id, k.value))
                FROM json_each(g.value) k LEFT JOIN alternative_proposals m ON 'a' || m.alternative_id = k.value) AS grp
        FROM json_each(ranked_ballots.ranking) g ORDER BY g.key))
WHERE EXISTS (SELECT 1 FROM proposals p WHERE p.id = ranked_ballots.issue_id AND p.status = 'voting');

DROP TABLE alternative_supporters;
DROP TABLE issue_alternatives;
