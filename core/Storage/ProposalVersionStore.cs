using System.Data.Common;
using Dapper;

namespace Governance.Core.Storage;

/// <summary>One version of a proposal's title and text: an earlier one, or (Current) the text in force.</summary>
public sealed record ProposalVersionRow(long ProposalId, int Version, string Title, string Body, long WrittenAt, long? ReplacedAt)
{
    public ProposalVersionRow()
        : this(0, 0, string.Empty, string.Empty, 0, null)
    {
    }

    public bool Current => ReplacedAt is null;
}

/// <summary>The SQL of proposal versions: the texts an edit replaced, numbered from 1.</summary>
public static class ProposalVersionStore
{
    /// <summary>Keeps the proposal's text as it stands, before an edit at <paramref name="atMs"/> replaces it.</summary>
    public static void Keep(DbConnection c, DbTransaction t, ProposalRow proposal, long atMs) =>
        c.Execute(
            """
            INSERT INTO proposal_versions (proposal_id, version, title, body, written_at, replaced_at)
            VALUES (@Id, (SELECT count(*) + 1 FROM proposal_versions WHERE proposal_id = @Id), @Title, @Body,
                    coalesce((SELECT max(replaced_at) FROM proposal_versions WHERE proposal_id = @Id), @CreatedAt), @atMs)
            """,
            new { proposal.Id, proposal.Title, proposal.Body, proposal.CreatedAt, atMs }, t);

    /// <summary>The number of the text in force: 1 until the first edit.</summary>
    public static int Current(DbConnection c, DbTransaction? t, long proposalId) =>
        (int)c.ExecuteScalarLong(t, "SELECT count(*) + 1 FROM proposal_versions WHERE proposal_id = @proposalId", new { proposalId });

    /// <summary>Every version, oldest first, the one in force last.</summary>
    public static IReadOnlyList<ProposalVersionRow> All(DbConnection c, ProposalRow proposal)
    {
        var earlier = c.Query<ProposalVersionRow>(
            """
            SELECT proposal_id AS ProposalId, version AS Version, title AS Title, body AS Body, written_at AS WrittenAt, replaced_at AS ReplacedAt
            FROM proposal_versions WHERE proposal_id = @Id ORDER BY version
            """, new { proposal.Id }).AsList();
        var writtenAt = earlier.Count == 0 ? proposal.CreatedAt : earlier[^1].ReplacedAt!.Value;
        earlier.Add(new ProposalVersionRow(proposal.Id, earlier.Count + 1, proposal.Title, proposal.Body, writtenAt, null));
        return earlier;
    }

    /// <summary>The version the member's standing support was given to; null without standing support.</summary>
    public static int? SupportedVersion(DbConnection c, long memberId, long proposalId) =>
        c.QuerySingleOrDefault<int?>("SELECT version FROM supports WHERE member_id = @memberId AND proposal_id = @proposalId AND released_at IS NULL", new { memberId, proposalId });

    /// <summary>When an edit replaced <paramref name="version"/>; null for the version in force.</summary>
    public static long? ReplacedAt(DbConnection c, long proposalId, int version) =>
        c.QuerySingleOrDefault<long?>("SELECT replaced_at FROM proposal_versions WHERE proposal_id = @proposalId AND version = @version", new { proposalId, version });

    /// <summary>
    /// Standing supports of an open proposal given to a version an edit replaced at or before
    /// <paramref name="replacedBy"/>: under the reconfirm policy, those due to be released.
    /// </summary>
    public static IReadOnlyList<long> Unconfirmed(DbConnection c, DbTransaction? t, long proposalId, long replacedBy) =>
        c.Query<long>(
            """
            SELECT s.member_id FROM supports s
            JOIN proposal_versions v ON v.proposal_id = s.proposal_id AND v.version = s.version
            WHERE s.proposal_id = @proposalId AND s.released_at IS NULL AND v.replaced_at <= @replacedBy
            """, new { proposalId, replacedBy }, t).AsList();

    /// <summary>Open proposals with at least one edit: the only ones with supports to reconfirm.</summary>
    public static IReadOnlyList<long> OpenEdited(DbConnection c) =>
        c.Query<long>("SELECT DISTINCT p.id FROM proposals p JOIN proposal_versions v ON v.proposal_id = p.id WHERE p.status = 'open' ORDER BY p.id").AsList();
}
