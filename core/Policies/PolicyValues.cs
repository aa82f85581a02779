using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Core.Delegation;

namespace Governance.Core.Policies;

/// <summary>
/// Every number of DESIGN §4–§5 as a policy value, with the documented default. Stored as
/// camelCase JSON; an area's override holds only the keys it changes.
/// </summary>
public sealed record PolicyValues
{
    public static PolicyValues Default { get; } = new();

    /// <summary>The values' camelCase keys: every settable property (not the derived <see cref="Tally"/>).</summary>
    public static IReadOnlyList<string> ValueKeys { get; } =
        [.. typeof(PolicyValues).GetProperties().Where(p => p.CanWrite).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];

    // §4 karma.
    public double MaxKarma { get; init; } = 50;
    public double[] LevelThresholds { get; init; } = [10, 25, 40];
    public int BaseAllowance { get; init; } = 4;
    public double KarmaHalfLifeDays { get; init; } = 60;
    public double EndorsementKarma { get; init; } = 1;
    public double SeniorEndorsementKarma { get; init; } = 2;
    public int SeniorEndorserLevel { get; init; } = 2;
    public int EndorsementsPerWeek { get; init; } = 5;
    public double EndorsementPairDays { get; init; } = 30;
    public double EarlySupportReward { get; init; } = 1;
    public double AbusePenalty { get; init; } = 10;

    // §4 the counterweight lottery; a base probability of 0 switches it off.
    public double LotteryPeriodDays { get; init; } = 7;
    public double LotteryBaseProbability { get; init; } = 0.02;

    // §5 the agenda filter.
    public double AgendaQuorumMinimum { get; init; } = 10;
    public double AgendaQuorumShare { get; init; } = 0.05;
    public int MinimumSupporters { get; init; } = 3;
    public double MinimumSupportersShare { get; init; } = 0.01;
    public double ActiveDays { get; init; } = 90;
    public double ExpiryDays { get; init; } = 30;
    public double AppealDays { get; init; } = 14;
    public double AppealQuorumFactor { get; init; } = 2;

    /// <summary>The share of the agenda quorum an alternative's support must reach to be on its issue's ballot (issue 18).</summary>
    public double AlternativeQuorumShare { get; init; } = 0.1;

    /// <summary>
    /// A proposal a moderator returned to Open stays off the agenda until its author edits it,
    /// or until this many days have passed: the kept support alone must not undo the return.
    /// </summary>
    public double ReturnCoolDownDays { get; init; } = 14;
    public double HotGravity { get; init; } = 1.8;

    /// <summary>
    /// What an author's edit does to the support given to the earlier text: Keep it, or
    /// Reconfirm (each supporter confirms by supporting again; points not confirmed within
    /// <see cref="ReconfirmDays"/> of the edit are released).
    /// </summary>
    public SupportAfterEdit SupportAfterEdit { get; init; } = SupportAfterEdit.Keep;

    /// <summary>Under Reconfirm: the days a supporter has to confirm after an edit.</summary>
    public double ReconfirmDays { get; init; } = 7;

    /// <summary>Reports from members of level 1 or more that hide a proposal or comment until a moderator decides.</summary>
    public int AutoHideReports { get; init; } = 5;

    /// <summary>Days after a proposal closes (decided, withdrawn, expired, declined, merged) that members may still comment on it.</summary>
    public double CommentDaysAfterClose { get; init; } = 7;

    // Metamoderation (issue 17, docs/moderation.md): drawn at each lottery period's end.

    /// <summary>Jurors drawn each period from members of level 1 or more who are not moderators (0 switches metamoderation off).</summary>
    public int MetamoderationJurors { get; init; } = 10;

    /// <summary>Moderator actions of the period each juror is asked to judge, at most.</summary>
    public int MetamoderationSampleSize { get; init; } = 5;

    /// <summary>Days after the period's end that its jurors may judge.</summary>
    public double MetamoderationJudgingDays { get; init; } = 14;

    /// <summary>A moderator whose share judged fair over the window falls below this loses the role pending an admin's review.</summary>
    public double MetamoderationMinFairShare { get; init; } = 0.6;

    /// <summary>The judgements over the window a moderator needs before the threshold applies.</summary>
    public int MetamoderationMinJudgements { get; init; } = 10;

    /// <summary>The window, in days, over which a moderator's judgements are counted.</summary>
    public double MetamoderationWindowDays { get; init; } = 90;

    // §5 the vote.
    public double DiscussionDays { get; init; } = 7;
    public double VotingDays { get; init; } = 7;
    public double VoteQuorumShare { get; init; } = 0.1;
    public double Majority { get; init; } = 0.5;
    public double Viscosity { get; init; } = 1.0;
    public double SuperDelegateShare { get; init; } = 0.1;
    public VotePrivacy Privacy { get; init; } = VotePrivacy.DelegatesPublic;

    // Who may vote: organisation-wide only. Invite for a real organisation; the demo is open.
    public Registration Registration { get; init; } = Registration.Invite;

    /// <summary>Who sees who delegates to whom; organisation-wide only (<see cref="Policies.DelegationVisibility"/>).</summary>
    public DelegationVisibility DelegationVisibility { get; init; } = DelegationVisibility.Members;

    /// <summary>The tally's share of these values (DESIGN §7's "policy").</summary>
    public TallyPolicy Tally => new()
    {
        Viscosity = Viscosity,
        SuperDelegateShare = SuperDelegateShare,
        QuorumShare = VoteQuorumShare,
        Majority = Majority,
    };

    /// <summary>Every value out of range, as messages naming the key; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                problems.Add(message);
            }
        }

        Require(MaxKarma is > 0 and <= 50, "maxKarma must be above 0 and at most 50 (the karma column's range)");
        Require(LevelThresholds is { Length: 3 } t && t[0] > 0 && t[0] < t[1] && t[1] < t[2] && t[2] <= MaxKarma,
            "levelThresholds must be three increasing values above 0 and at most maxKarma");
        Require(BaseAllowance is >= 1 and <= 8, "baseAllowance must be between 1 and 8 (the most points one support row holds)");
        Require(KarmaHalfLifeDays > 0 && double.IsFinite(KarmaHalfLifeDays), "karmaHalfLifeDays must be above zero: a half-life of zero would erase all karma at once");
        Require(EndorsementKarma >= 0 && SeniorEndorsementKarma >= 0, "endorsementKarma and seniorEndorsementKarma must not be negative");
        Require(SeniorEndorserLevel is >= 0 and <= 3, "seniorEndorserLevel must be between 0 and 3");
        Require(EndorsementsPerWeek >= 0, "endorsementsPerWeek must not be negative");
        Require(EndorsementPairDays >= 0, "endorsementPairDays must not be negative");
        Require(EarlySupportReward >= 0, "earlySupportReward must not be negative");
        Require(AbusePenalty >= 0, "abusePenalty must not be negative");
        Require(LotteryPeriodDays >= 1 && LotteryPeriodDays == Math.Floor(LotteryPeriodDays), "lotteryPeriodDays must be a whole number of days, at least 1");
        Require(LotteryBaseProbability is >= 0 and <= 0.125, "lotteryBaseProbability must be between 0 and 0.125 (level 3 draws at 4 times it, at most 50 %)");
        Require(AgendaQuorumMinimum >= 0, "agendaQuorumMinimum must not be negative");
        Require(AgendaQuorumShare is >= 0 and <= 1, "agendaQuorumShare must be between 0 and 100 %");
        Require(MinimumSupporters >= 1, "minimumSupporters must be at least 1");
        Require(MinimumSupportersShare is >= 0 and <= 1, "minimumSupportersShare must be between 0 and 100 %");
        Require(ActiveDays > 0, "activeDays must be above zero");
        Require(ExpiryDays > 0, "expiryDays must be above zero");
        Require(AppealDays >= 0, "appealDays must not be negative");
        Require(CommentDaysAfterClose >= 0, "commentDaysAfterClose must not be negative");
        Require(Enum.IsDefined(SupportAfterEdit), "supportAfterEdit must be keep or reconfirm");
        Require(ReconfirmDays > 0, "reconfirmDays must be positive");
        Require(AutoHideReports >= 1, "autoHideReports must be at least 1");
        Require(MetamoderationJurors is >= 0 and <= 1000, "metamoderationJurors must be between 0 and 1,000");
        Require(MetamoderationSampleSize is >= 1 and <= 50, "metamoderationSampleSize must be between 1 and 50");
        Require(MetamoderationJudgingDays > 0 && double.IsFinite(MetamoderationJudgingDays), "metamoderationJudgingDays must be above zero");
        Require(MetamoderationMinFairShare is >= 0 and <= 1, "metamoderationMinFairShare must be between 0 and 100 %");
        Require(MetamoderationMinJudgements >= 1, "metamoderationMinJudgements must be at least 1");
        Require(MetamoderationWindowDays > 0 && double.IsFinite(MetamoderationWindowDays), "metamoderationWindowDays must be above zero");
        Require(AppealQuorumFactor >= 1, "appealQuorumFactor must be at least 1");
        Require(AlternativeQuorumShare is > 0 and <= 1, "alternativeQuorumShare must be above 0 and at most 100 %");
        Require(ReturnCoolDownDays >= 0 && double.IsFinite(ReturnCoolDownDays), "returnCoolDownDays must not be negative");
        Require(HotGravity > 0, "hotGravity must be above zero");
        Require(DiscussionDays >= 0, "discussionDays must not be negative: a discussion window cannot end before it starts");
        Require(VotingDays > 0, "votingDays must be above zero: a voting window must have a length");
        Require(VoteQuorumShare is >= 0 and <= 1, "voteQuorumShare must be between 0 and 100 %");
        Require(Majority is >= 0 and < 1, "majority must be at least 0 and below 100 %");
        Require(Viscosity is > 0 and <= 1, "viscosity must be above 0 and at most 1");
        Require(SuperDelegateShare is >= 0 and <= 1, "superDelegateShare must be between 0 and 100 %");
        Require(Enum.IsDefined(Privacy), "privacy must be public, delegates-public or aggregate");
        Require(Enum.IsDefined(Registration), "registration must be open, invite or registry");
        Require(Enum.IsDefined(DelegationVisibility), "delegationVisibility must be public, members or involved");
        return problems;
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<VotePrivacy>(new KebabNaming()), new JsonStringEnumConverter<Registration>(new KebabNaming()), new JsonStringEnumConverter<DelegationVisibility>(new KebabNaming()), new JsonStringEnumConverter<SupportAfterEdit>(new KebabNaming()) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PolicyValues FromJson(string json) =>
        JsonSerializer.Deserialize<PolicyValues>(json, Json) ?? Default;

    private sealed class KebabNaming : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name switch
        {
            nameof(VotePrivacy.DelegatesPublic) => "delegates-public",
            _ => name.ToLowerInvariant(),
        };
    }
}

/// <summary>Who sees a vote (DESIGN §5).</summary>
public enum VotePrivacy
{
    /// <summary>Every vote is public.</summary>
    Public,

    /// <summary>A vote is public when its voter carries others' weight; otherwise only in aggregate.</summary>
    DelegatesPublic,

    /// <summary>Only the totals are public.</summary>
    Aggregate,
}

/// <summary>Who gets a voting right on registering (the "registration" policy, organisation-wide).</summary>
public enum Registration
{
    /// <summary>Everyone who registers votes at once: for trials and the demo.</summary>
    Open,

    /// <summary>Registering needs an invitation code an admin issued; the code carries the admin's approval.</summary>
    Invite,

    /// <summary>
    /// Anyone may register, but votes only once matched with the membership register (member
    /// number and email) or approved by an admin.
    /// </summary>
    Registry,
}

/// <summary>What an edit does to the support given to the earlier text (issue 17).</summary>
public enum SupportAfterEdit
{
    /// <summary>Support stays; supporters are told the text changed.</summary>
    Keep,

    /// <summary>Supporters must confirm; unconfirmed points are released after the policy's reconfirmDays.</summary>
    Reconfirm,
}
