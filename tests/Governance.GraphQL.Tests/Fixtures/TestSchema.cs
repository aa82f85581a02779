using System.Runtime.CompilerServices;
using System.Text.Json;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Types;

namespace Governance.GraphQL.Tests.Fixtures;

/// <summary>
/// A representative schema: interfaces implementing interfaces, a union, enums, input and
/// @oneOf input objects, a custom scalar, deprecations, lists, mutations and a subscription.
/// The benchmark links this file, so both measure and test the same thing.
/// </summary>
public static class TestSchema
{
    public const string Sdl = """
        "The assembly's read side."
        type Query {
          "A member by id."
          member(id: ID!): Member
          members(first: Int = 10, after: String): [Member!]!
          node(id: ID!): Node
          search(text: String!): [SearchResult!]!
          proposals(status: ProposalStatus, filter: ProposalFilter): [Proposal!]!
          proposal(by: ProposalKey!): Proposal
          echo(value: String, number: Int, float: Float, flag: Boolean, id: ID, list: [Int!], status: ProposalStatus): String
          failing: String
          failingNonNull: String!
          slow(ms: Int!): String
          now: DateTime!
          oldField: String @deprecated(reason: "Use `now`.")
        }

        type Mutation {
          castVote(input: VoteInput!): Vote!
          append(text: String!): [String!]!
        }

        type Subscription {
          voteCast(proposalId: ID!): Vote!
        }

        interface Node {
          id: ID!
        }

        "Something with a name."
        interface Named implements Node {
          id: ID!
          name: String!
        }

        type Member implements Node & Named {
          id: ID!
          name: String!
          karma: Int!
          "Members this member delegates to."
          delegates(first: Int): [Member!]!
          proposals: [Proposal!]!
          joinedAt: DateTime
        }

        type Proposal implements Node {
          id: ID!
          title: String!
          status: ProposalStatus!
          author: Member!
          votes(first: Int): [Vote!]!
          legacyScore: Int @deprecated
        }

        type Vote {
          member: Member!
          proposal: Proposal!
          choice: Choice!
        }

        union SearchResult = Member | Proposal

        enum ProposalStatus {
          DRAFT
          OPEN
          CLOSED
          WITHDRAWN @deprecated(reason: "Closed covers it.")
        }

        enum Choice { YES NO ABSTAIN }

        input VoteInput {
          proposalId: ID!
          choice: Choice!
          comment: String = "none"
        }

        input ProposalFilter {
          titleContains: String
          authorId: ID @deprecated(reason: "Use author.")
        }

        input ProposalKey @oneOf {
          id: ID
          title: String
        }

        scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")
        """;

    public sealed record Member(string Id, string Name, int Karma, string[] DelegateIds, DateTimeOffset? JoinedAt);

    public sealed record Proposal(string Id, string Title, string Status, string AuthorId, int? LegacyScore);

    public sealed record Vote(string MemberId, string ProposalId, string Choice);

    public static readonly Member[] Members =
    [
        new("m1", "Ada", 10, ["m2", "m3"], new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
        new("m2", "Grace", 7, ["m3"], null),
        new("m3", "Linus", 3, [], null),
    ];

    public static readonly Proposal[] Proposals =
    [
        new("p1", "Open the garden", "OPEN", "m1", 5),
        new("p2", "Close the pool", "CLOSED", "m2", null),
        new("p3", "Paint the hall", "DRAFT", "m1", null),
    ];

    /// <summary>Counts calls so tests can see batching; one instance per test.</summary>
    public sealed class Probe
    {
        private int _memberBatches;
        private int _memberLoads;

        public int MemberBatches => _memberBatches;

        public int MemberLoads => _memberLoads;

        public List<string> Appended { get; } = [];

        public void CountBatch(int keys)
        {
            Interlocked.Increment(ref _memberBatches);
            Interlocked.Add(ref _memberLoads, keys);
        }
    }

    public static SchemaBuilder Builder(Probe? probe = null, string sdl = Sdl)
    {
        probe ??= new Probe();
        var votes = new List<Vote> { new("m2", "p1", "YES"), new("m3", "p1", "NO") };

        DataLoader<string, Member> MemberLoader(ResolveContext context) =>
            context.DataLoader<string, Member>("members", (ids, _) =>
            {
                probe.CountBatch(ids.Count);
                IReadOnlyDictionary<string, Member> found = Members.Where(m => ids.Contains(m.Id)).ToDictionary(m => m.Id);
                return Task.FromResult(found);
            });

        return new SchemaBuilder()
            .AddTypeDefinitions(sdl)
            .AddScalar(new DateTimeScalarType())
            .Resolve("Query.member", c => Members.FirstOrDefault(m => m.Id == c.Argument<string>("id")))
            .Resolve("Query.members", c => Members.Take(c.Argument<int>("first")))
            .Resolve("Query.node", c => (object?)Members.FirstOrDefault(m => m.Id == c.Argument<string>("id")) ?? Proposals.FirstOrDefault(p => p.Id == c.Argument<string>("id")))
            .Resolve("Query.search", c => Members.Where(m => m.Name.Contains(c.Argument<string>("text")!, StringComparison.OrdinalIgnoreCase)).Cast<object>()
                .Concat(Proposals.Where(p => p.Title.Contains(c.Argument<string>("text")!, StringComparison.OrdinalIgnoreCase))))
            .Resolve("Query.proposals", c => Proposals.Where(p => c.Argument<string>("status") is not { } s || p.Status == s))
            .Resolve("Query.proposal", c =>
            {
                var key = (IReadOnlyDictionary<string, object?>)c.Arguments["by"]!;
                return key.TryGetValue("id", out var id) ? Proposals.FirstOrDefault(p => p.Id == (string?)id) : Proposals.FirstOrDefault(p => p.Title == (string?)key["title"]);
            })
            .Resolve("Query.echo", c => JsonSerializer.Serialize(c.Arguments))
            .Resolve("Query.failing", _ => throw new InvalidOperationException("database password is hunter2"))
            .Resolve("Query.failingNonNull", _ => null)
            .ResolveAsync("Query.slow", async c =>
            {
                await Task.Delay(c.Argument<int>("ms"), c.CancellationToken);
                return "done";
            })
            .Resolve("Query.now", _ => new DateTimeOffset(2026, 11, 21, 23, 20, 0, TimeSpan.Zero))
            .Resolve("Query.oldField", _ => "old")
            .BindType<Member>("Member")
            .ResolveAsync("Member.delegates", c => Task.WhenAll(c.ParentAs<Member>().DelegateIds
                .Take(c.Argument<int?>("first") ?? int.MaxValue)
                .Select(id => MemberLoader(c).LoadAsync(id))))
            .Resolve("Member.proposals", c => Proposals.Where(p => p.AuthorId == c.ParentAs<Member>().Id))
            .BindType<Proposal>("Proposal")
            .ResolveAsync("Proposal.author", c => MemberLoader(c).LoadAsync(c.ParentAs<Proposal>().AuthorId))
            .Resolve("Proposal.votes", c => votes.Where(v => v.ProposalId == c.ParentAs<Proposal>().Id))
            .BindType<Vote>("Vote")
            .ResolveAsync("Vote.member", c => MemberLoader(c).LoadAsync(c.ParentAs<Vote>().MemberId))
            .Resolve("Vote.proposal", c => Proposals.First(p => p.Id == c.ParentAs<Vote>().ProposalId))
            .Resolve("Mutation.castVote", c =>
            {
                var input = (IReadOnlyDictionary<string, object?>)c.Arguments["input"]!;
                var vote = new Vote("m1", (string)input["proposalId"]!, (string)input["choice"]!);
                votes.Add(vote);
                return vote;
            })
            .ResolveAsync("Mutation.append", async c =>
            {
                // The first mutation waits longest: only serial execution keeps the order.
                await Task.Delay(probe.Appended.Count == 0 ? 50 : 0, c.CancellationToken);
                probe.Appended.Add(c.Argument<string>("text")!);
                return probe.Appended.ToArray();
            })
            .Subscribe("Subscription.voteCast", c => VoteStream(c.Argument<string>("proposalId")!, c.CancellationToken))
            .ResolveType("Node", value => value switch { Member => "Member", Proposal => "Proposal", _ => null });
    }

    public static Schema Build(Probe? probe = null) => Builder(probe).Build();

    private static async IAsyncEnumerable<Vote> VoteStream(string proposalId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var choice in new[] { "YES", "NO", "ABSTAIN" })
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Vote("m2", proposalId, choice);
        }
    }
}
