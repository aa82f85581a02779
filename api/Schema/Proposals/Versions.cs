using Governance.Core.Proposals;
using Governance.Core.Storage;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;
using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>
/// A proposal's versions (issue 17): every text an edit replaced, the one in force, and which
/// version my support was given to (and, under the reconfirm policy, when it lapses).
/// </summary>
internal static class Versions
{
    public static SchemaBuilder AddVersions(this SchemaBuilder builder, SchemaServices s) => builder
        .Resolve("Proposal.version", c => Transactions.Read(s.Database, db => ProposalVersionStore.Current(db, null, c.ParentAs<ProposalRow>().Id)))
        .Resolve("Proposal.versions", c => Transactions.Read(s.Database, db =>
            ProposalStore.Find(db, null, c.ParentAs<ProposalRow>().Id) is { } proposal ? ProposalVersionStore.All(db, proposal) : []))
        .Resolve("Proposal.mySupportVersion", c => ProposalMySupportVersion(c, s))
        .Resolve("Proposal.mySupportReleasesAt", c => ProposalMySupportReleasesAt(c, s))
        .BindType<ProposalVersionRow>("ProposalVersion")
        .Resolve("ProposalVersion.writtenAt", c => DateTimeOffset.FromUnixTimeMilliseconds(c.ParentAs<ProposalVersionRow>().WrittenAt))
        .Resolve("ProposalVersion.replacedAt", c => c.ParentAs<ProposalVersionRow>().ReplacedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : (DateTimeOffset?)null);
    private static int? ProposalMySupportVersion(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        return caller.CanRead ? Transactions.Read(s.Database, db => ProposalVersionStore.SupportedVersion(db, caller.MemberId!.Value, c.ParentAs<ProposalRow>().Id)) : null;
    }

    private static DateTimeOffset? ProposalMySupportReleasesAt(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        return caller.CanRead ? Reconfirmation.ReleasesAt(s.Database, caller.MemberId!.Value, c.ParentAs<ProposalRow>().Id) : null;
    }

}
