using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Governance.Core.Accounts;
using Governance.Core.Comments;
using Governance.Core.Events;
using Governance.Core.Storage;
using Governance.GraphQL.Errors;
using Governance.GraphQL.Execution;
using Governance.GraphQL.Relay;
using Governance.GraphQL.Types;
using ProposalRow = Governance.Api.Schema.Data.ProposalRow;

namespace Governance.Api.Schema;

/// <summary>
/// A proposal's discussion over GraphQL: Proposal.comments (keyset pages of threads, each with
/// its replies), the Comment type, the four comment mutations (propose scope, typed inputs and
/// payloads) and commentsChanged. Comments are public, as proposals are. Every read of a level
/// is one statement (DataLoaders by comment, thread and endorser).
/// </summary>
internal static class Comments
{
    private const int DefaultPageSize = 20;
    private const string CursorPrefix = "comments:";

    public static SchemaBuilder AddComments(this SchemaBuilder builder, SchemaServices s, DomainServices d) => builder
        .ResolveAsync("Proposal.comments", c => Task.FromResult<object?>(Page(c, s, c.ParentAs<ProposalRow>().Id)))
        .Resolve("Proposal.commentCount", c => (int)Transactions.Read(s.Database, db => CommentStore.CountOnProposal(db, c.ParentAs<ProposalRow>().Id)))
        .BindType<Connection<CommentRow>>("CommentConnection")
        .BindType<Edge<CommentRow>>("CommentEdge")
        .BindType<CommentRow>("Comment")
        .Resolve("Comment.id", c => Ids.Of(Ids.Comment, c.ParentAs<CommentRow>().Id))
        // Read from the row alone, whoever asks (not body: hidden text depends on the viewer; not endorsedByMe).
        .SameForEveryViewer("Comment.id", "Comment.deleted", "Comment.createdAt", "Comment.editedAt", "Comment.deletedAt", "Comment.endorsementCount", "Comment.replyCount")
        .ResolveAsync("Comment.proposal", c => c.Proposal(s.Reads, c.ParentAs<CommentRow>().ProposalId))
        .ResolveAsync("Comment.author", c => c.Member(s.Reads, c.ParentAs<CommentRow>().AuthorId))
        .ResolveAsync("Comment.body", c => CommentBodyAsync(c, s))
        .Resolve("Comment.deleted", c => c.ParentAs<CommentRow>().DeletedAt is not null)
        .ResolveAsync("Comment.parent", async c => c.ParentAs<CommentRow>().ParentId is { } id ? await c.Comment(s, id) : null)
        .ResolveAsync("Comment.replyTo", async c => c.ParentAs<CommentRow>().ReplyToId is { } id ? await c.Comment(s, id) : null)
        .Resolve("Comment.createdAt", c => Millis(c.ParentAs<CommentRow>().CreatedAt))
        .Resolve("Comment.editedAt", c => c.ParentAs<CommentRow>().EditedAt is { } at ? Millis(at) : (DateTimeOffset?)null)
        .Resolve("Comment.deletedAt", c => c.ParentAs<CommentRow>().DeletedAt is { } at ? Millis(at) : (DateTimeOffset?)null)
        .Resolve("Comment.endorsementCount", c => c.ParentAs<CommentRow>().Endorsements)
        .ResolveAsync("Comment.endorsedByMe", c => CommentEndorsedByMeAsync(c, s))
        .ResolveAsync("Comment.replies", c => CommentRepliesAsync(c, s))
        .ResolveAsync("Comment.replyCount", async c =>
            c.ParentAs<CommentRow>().Depth != 1 ? 0
            : await c.DataLoader<long, int>("comment-reply-count", (ids, _) =>
                Task.FromResult(Transactions.Read(s.Database, db => CommentStore.ReplyCounts(db, ids)))).LoadAsync(c.ParentAs<CommentRow>().Id))
        .Resolve("Comment.history", c => Transactions.Read(s.Database, db => CommentStore.Versions(db, c.ParentAs<CommentRow>().Id)))
        .BindType<CommentVersionRow>("CommentVersion")
        .Resolve("CommentVersion.writtenAt", c => Millis(c.ParentAs<CommentVersionRow>().WrittenAt))
        .ResolveAsync("Mutation.postComment", c => PostCommentAsync(c, d))
        .ResolveAsync("Mutation.editComment", c => EditCommentAsync(c, d))
        .ResolveAsync("Mutation.deleteComment", c => WithComment(c, c.Input<DeleteCommentInput>().Comment, d.Comments.Delete))
        .ResolveAsync("Mutation.endorseComment", c => EndorseCommentAsync(c, d))
        .BindInput<PostCommentInput>("PostCommentInput")
        .BindInput<EditCommentInput>("EditCommentInput")
        .BindInput<DeleteCommentInput>("DeleteCommentInput")
        .BindInput<EndorseCommentInput>("EndorseCommentInput")
        .BindType<CommentPayload>("CommentPayload")
        .Subscribe("Subscription.commentsChanged", c =>
        {
            var given = c.Argument<string>("proposal");
            if (!Ids.TryLocal(given, Ids.Proposal, out var proposalId))
            {
                throw new GraphQLException($"\"{given}\" is not the id of a proposal.");
            }

            return ChangesAsync(s, proposalId, c.CancellationToken);
        })
        .BindType<CommentChangeView>("CommentChange");

    private static async Task<object?> CommentBodyAsync(ResolveContext c, SchemaServices s)
    {
        var comment = c.ParentAs<CommentRow>();
        return comment.DeletedAt is not null || (await c.Hidden(s, ReportService.Comment, comment.Id) is not null && !Reports.MaySeeHidden(c, comment.AuthorId))
            ? null
            : comment.Body;
    }

    private static async Task<object?> CommentEndorsedByMeAsync(ResolveContext c, SchemaServices s)
    {
        var caller = Caller.Of(c);
        if (!caller.CanRead)
        {
            return null;
        }

        var me = caller.MemberId!.Value;
        return (object)await c.DataLoader<long, bool>("comment-endorsed-by-me", (ids, _) =>
        {
            var endorsed = Transactions.Read(s.Database, db => CommentStore.EndorsedBy(db, me, ids));
            return Task.FromResult<IReadOnlyDictionary<long, bool>>(ids.Distinct().ToDictionary(id => id, endorsed.Contains));
        }).LoadAsync(c.ParentAs<CommentRow>().Id);
    }

    private static async Task<object?> CommentRepliesAsync(ResolveContext c, SchemaServices s)
    {
        var comment = c.ParentAs<CommentRow>();
        var first = c.Argument<int?>("first") ?? 50;
        if (first is < 0 or > 200)
        {
            throw new GraphQLException("Argument \"first\" of replies must be between 0 and 200.");
        }

        return comment.Depth != 1 ? [] : (await c.Thread(s, comment.Id)).Take(first).ToList();
    }

    private static Task<CommentPayload> PostCommentAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<PostCommentInput>();
        if (!Ids.TryLocal(input.Proposal, Ids.Proposal, out var proposalId))
        {
            return Refused(Caller.Of(c), UserErrors.NotFound("UNKNOWN_PROPOSAL", $"\"{input.Proposal}\" is not the id of a proposal.", "proposal"));
        }

        long? replyTo = null;
        if (input.ReplyTo is { } given)
        {
            if (!Ids.TryLocal(given, Ids.Comment, out var local))
            {
                return Refused(Caller.Of(c), UserErrors.NotFound("UNKNOWN_COMMENT", $"\"{given}\" is not the id of a comment.", "replyTo"));
            }

            replyTo = local;
        }

        return RunAsync(c, me => d.Comments.Post(me, proposalId, input.Body, replyTo));
    }

    private static Task<CommentPayload> EditCommentAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<EditCommentInput>();
        return WithComment(c, input.Comment, (me, id) => d.Comments.Edit(me, id, input.Body));
    }

    private static Task<CommentPayload> EndorseCommentAsync(ResolveContext c, DomainServices d)
    {
        var input = c.Input<EndorseCommentInput>();
        return WithComment(c, input.Comment, (me, id) => d.Comments.Endorse(me, id, input.Endorse ?? true));
    }

    /// <summary>A comment by id, batched per request.</summary>
    internal static Task<CommentRow?> Comment(this ResolveContext context, SchemaServices s, long id) =>
        context.DataLoader<long, CommentRow>("comment", (ids, _) =>
            Task.FromResult<IReadOnlyDictionary<long, CommentRow>>(Transactions.Read(s.Database, db => CommentStore.Many(db, null, ids.ToArray())).ToDictionary(r => r.Id))).LoadAsync(id);

    private static async Task<IReadOnlyList<CommentRow>> Thread(this ResolveContext context, SchemaServices s, long threadId) =>
        await context.DataLoader<long, IReadOnlyList<CommentRow>>("comment-thread", (ids, _) =>
        {
            var replies = Transactions.Read(s.Database, db => CommentStore.Replies(db, ids));
            var byThread = replies.GroupBy(r => r.ThreadId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<CommentRow>)g.ToList());
            return Task.FromResult<IReadOnlyDictionary<long, IReadOnlyList<CommentRow>>>(ids.Distinct().ToDictionary(id => id, id => byThread.GetValueOrDefault(id) ?? []));
        }).LoadAsync(threadId) ?? [];

    private static Connection<CommentRow> Page(ResolveContext c, SchemaServices s, long proposalId)
    {
        var orderName = c.Argument<string>("orderBy") ?? "NEWEST";
        var order = orderName switch
        {
            "OLDEST" => CommentOrder.Oldest,
            "MOST_ENDORSED" => CommentOrder.MostEndorsed,
            _ => CommentOrder.Newest,
        };
        var (first, last) = (c.Argument<int?>("first"), c.Argument<int?>("last"));
        if (first is < 0 or > ConnectionBuilder.DefaultMaxPageSize || last is < 0 or > ConnectionBuilder.DefaultMaxPageSize)
        {
            throw new GraphQLException($"Argument \"{(first is < 0 or > ConnectionBuilder.DefaultMaxPageSize ? "first" : "last")}\" must be between 0 and {ConnectionBuilder.DefaultMaxPageSize}.");
        }

        // Keyset both ways: after/before bound the window, first takes its head, last its tail.
        var after = c.Argument<string>("after") is { } a ? Decode(a, orderName) : ((long, long)?)null;
        var before = c.Argument<string>("before") is { } b ? Decode(b, orderName) : ((long, long)?)null;
        var fromTail = first is null && last is not null;
        var size = first ?? last ?? DefaultPageSize;
        // The rows, the count and the neighbours from one snapshot: a comment posted meanwhile
        // is in all of them or in none.
        var (page, total, hasPrevious, hasNext) = Transactions.ReadConsistent(s.Database, (db, t) =>
        {
            var rows = CommentStore.Threads(db, proposalId, order, after, size + 1, before, fromTail, t);
            var page = (fromTail ? rows.Skip(rows.Count > size ? 1 : 0) : rows.Take(size)).ToList();
            if (first is not null && last is { } tail && page.Count > tail)
            {
                page = page.Skip(page.Count - tail).ToList();
            }

            return page.Count == 0
                ? (page, CommentStore.CountThreads(db, proposalId, t), false, false)
                : (page, CommentStore.CountThreads(db, proposalId, t),
                    CommentStore.Threads(db, proposalId, order, null, 1, Key(order, page[0]), fromTail: true, t).Count > 0,
                    CommentStore.Threads(db, proposalId, order, Key(order, page[^1]), 1, t: t).Count > 0);
        });
        var edges = page.Select(r => new Edge<CommentRow>(r, Encode(orderName, r))).ToList();
        return new Connection<CommentRow>(edges, new PageInfo(hasPrevious, hasNext, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor), (int)total);
    }

    private static (long Primary, long Id) Key(CommentOrder order, CommentRow row) => (order == CommentOrder.MostEndorsed ? row.Endorsements : 0, row.Id);

    private static string Encode(string order, CommentRow row) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{CursorPrefix}{order}:{row.Endorsements}:{row.Id}")));

    /// <summary>A cursor of this order; anything else is a client error.</summary>
    private static (long Primary, long Id) Decode(string cursor, string order)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw new GraphQLException($"Invalid cursor \"{cursor}\".");
        }

        var parts = text.StartsWith(CursorPrefix, StringComparison.Ordinal) ? text[CursorPrefix.Length..].Split(':') : [];
        return parts.Length == 3 && parts[0] == order
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var primary)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (primary, id)
            : throw new GraphQLException($"Invalid cursor \"{cursor}\".");
    }

    private static DateTimeOffset Millis(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static Task<CommentPayload> WithComment(ResolveContext c, string comment, Func<long, long, CommentRow> command) =>
        Ids.TryLocal(comment, Ids.Comment, out var id)
            ? RunAsync(c, me => command(me, id))
            : Refused(Caller.Of(c), UserErrors.NotFound("UNKNOWN_COMMENT", $"\"{comment}\" is not the id of a comment.", "comment"));

    /// <summary>The caller's own refusal first (signed out, token without the scope), then the given one.</summary>
    private static Task<CommentPayload> Refused(Caller caller, UserErrorValue error) =>
        Task.FromResult(new CommentPayload(null, [MutationGuard.RequireScope(caller, TokenScopes.Propose) ?? error]));

    private static async Task<CommentPayload> RunAsync(ResolveContext c, Func<long, CommentRow> command)
    {
        var caller = Caller.Of(c);
        if (MutationGuard.RequireScope(caller, TokenScopes.Propose) is { } refused)
        {
            return new CommentPayload(null, [refused]);
        }

        var outcome = await MutationGuard.RunAsync("comment", () => Task.FromResult<object?>(command(caller.MemberId!.Value)));
        return new CommentPayload(outcome["comment"] as CommentRow, (IReadOnlyList<UserErrorValue>?)outcome["errors"]);
    }

    /// <summary>
    /// One read of the changed comment per event, shared by every watcher of the proposal: the
    /// bus hands each subscriber the same event object. Read once per subscriber, 1,000 watchers
    /// made 1,000 reads of one row per comment (docs/benchmarks.md, comments to 1,000 watchers).
    /// The view is shared too (an <see cref="ISharedEvent"/>): watchers whose selections are the
    /// same for every viewer get one execution and one serialised payload between them.
    /// </summary>
    private static readonly ConditionalWeakTable<CommentChanged, Lazy<CommentChangeView?>> SharedRead = new();

    private static async IAsyncEnumerable<CommentChangeView> ChangesAsync(SchemaServices s, long proposalId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in s.Events.SubscribeAsync<CommentChanged>(e => e.ProposalId == proposalId, cancellationToken))
        {
            var view = SharedRead.GetValue(change, e => new Lazy<CommentChangeView?>(() =>
                Transactions.Read(s.Database, db => CommentStore.Find(db, null, e.CommentId)) is { } row ? new CommentChangeView(KindName(e.Kind), row, e.At) : null)).Value;
            if (view is not null)
            {
                yield return view;
            }
        }
    }

    private static string KindName(CommentChangeKind kind) => kind switch
    {
        CommentChangeKind.Posted => "POSTED",
        CommentChangeKind.Edited => "EDITED",
        CommentChangeKind.Deleted => "DELETED",
        _ => "ENDORSED",
    };

    internal sealed record PostCommentInput(string Proposal, string Body, string? ReplyTo);

    internal sealed record EditCommentInput(string Comment, string Body);

    internal sealed record DeleteCommentInput(string Comment);

    /// <summary><c>endorse</c> defaults to true in the schema but a client may still send null, hence bool?.</summary>
    internal sealed record EndorseCommentInput(string Comment, bool? Endorse);

    internal sealed record CommentPayload(CommentRow? Comment, IReadOnlyList<UserErrorValue>? Errors);

    internal sealed record CommentChangeView(string Kind, CommentRow Comment, DateTimeOffset At) : ISharedEvent;
}
