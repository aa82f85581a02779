using Dapper;
using Governance.Core.Metamoderation;
using Governance.Core.Storage;

namespace Governance.Core.Demo;

/// <summary>
/// The demo's metamoderation: the jurors of the last past draw (drawn with the lottery by
/// <see cref="DemoSeed"/>) judge their samples, mostly fair, some unfair with a comment,
/// through the real command, so that the public results have figures. The demo accounts'
/// own samples, if drawn, are left for them to judge.
/// </summary>
public static class DemoMetamoderation
{
    private static readonly string[] UnfairComments =
    [
        "The reason does not say which rule was broken.",
        "This looked like ordinary disagreement, not abuse.",
        "Too quick: the author had answered the objection the day before.",
    ];

    /// <returns>How many judgements were given.</returns>
    public static int Seed(Database database, string periodId, DateTimeOffset now)
    {
        var random = new Random(5);
        var service = new MetamoderationService(database, new FixedClock(now));
        var jurors = Transactions.Read(database, c => c.Query<long>(
            """
            SELECT e.member_id FROM metamoderation_entries e JOIN members m ON m.id = e.member_id
            WHERE e.period_id = @periodId AND e.drawn = 1 AND m.handle NOT LIKE 'demo.%' ORDER BY e.member_id
            """,
            new { periodId }).AsList());
        var given = 0;
        foreach (var juror in jurors)
        {
            foreach (var task in service.Tasks(juror))
            {
                var fair = random.NextDouble() < 0.8;
                service.Judge(juror, task.PeriodId, task.Seq, fair, fair ? null : UnfairComments[random.Next(UnfairComments.Length)]);
                given++;
            }
        }

        return given;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
