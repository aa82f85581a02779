using System.Diagnostics;
using Governance.Core.Delegation;
using Governance.Core.Karma;
using Governance.Core.Policies;
using Governance.Core.Proposals;

namespace Governance.Core.Simulation;

/// <summary>
/// One scenario's simulated organisation, day by day, in memory. The rules are the core's own
/// (KarmaRules, AgendaRules, LotteryDraw, the DelegationEngine's tally); only the behaviour
/// of members is modelled here.
/// </summary>
internal sealed partial class World
{
    private const int Areas = 8;
    private const int HotListSize = 10;
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly Population _people;
    private readonly PolicyValues _policy;
    private readonly TallyPolicy _tally;
    private readonly Random _random;
    private readonly int _seed;
    private readonly int _n;

    private readonly double[] _karma;
    private readonly long[] _karmaAt;
    private readonly int[] _allocated;
    private readonly int[] _lastActive;
    private readonly List<SimProposal>?[] _supporting;
    private readonly int[] _recentEndorsements;
    private readonly Dictionary<long, int> _pairDay = [];
    private readonly long[] _delegateOf;

    private readonly List<SimProposal> _open = [];
    private readonly List<SimProposal> _pipeline = [];
    private readonly DelegationEngine _engine;
    private List<SimProposal> _hot = [];
    private double[] _endorseCdf = [];
    private double[] _delegateCdf = [];
    private double _quorum;
    private double _minimumSupporters;
    private int _nextProposal = 1;
    private int _day;

    // This week's counters.
    private int _agendaArrivals;
    private int _colluderArrivals;
    private int _votesClosed;

    public World(Population people, Scenario scenario, int seed)
    {
        _people = people;
        _policy = scenario.Policy;
        _tally = scenario.Policy.Tally;
        _seed = seed;
        _random = new Random(seed);
        _n = people.Count;
        _karma = new double[_n];
        _karmaAt = new long[_n];
        _allocated = new int[_n];
        _lastActive = new int[_n];
        _supporting = new List<SimProposal>?[_n];
        _recentEndorsements = new int[_n * 5];
        Array.Fill(_recentEndorsements, int.MinValue / 2);
        _delegateOf = new long[_n];
        _engine = new DelegationEngine(_n);
        for (var i = 0; i < _n; i++)
        {
            _engine.AddMember(i);
        }

        _engine.AddArea(0, null);
        for (var a = 1; a < Areas; a++)
        {
            _engine.AddArea(a, 0);
        }
    }

    private long NowMs => Epoch.ToUnixTimeMilliseconds() + (_day * 86_400_000L);

    public ScenarioResult Run(Scenario scenario, int weeks)
    {
        var watch = Stopwatch.StartNew();
        var metrics = new List<WeekMetrics>(weeks);
        RebuildCdfs();
        for (var i = 0; i < _n; i++)
        {
            Redelegate(i);
        }

        for (_day = 0; _day < weeks * 7; _day++)
        {
            Day();
            if (_day % 7 == 6)
            {
                metrics.Add(EndWeek(_day / 7));
            }
        }

        var half = metrics.Skip(weeks / 2).DefaultIfEmpty(metrics[^1]).ToList();
        var average = new WeekMetrics(
            -1,
            half.Average(m => m.Top1Share),
            half.Average(m => m.Top10Share),
            half.Average(m => m.KarmaGini),
            half.Average(m => m.WeightGini),
            half.Average(m => m.SuperDelegates),
            (int)Math.Round(half.Average(m => m.AgendaArrivals)),
            (int)Math.Round(half.Average(m => m.VotesClosed)),
            half.Average(m => m.ColluderAgendaShare),
            (int)Math.Round(half.Average(m => m.LotteryDrawn)));
        return new ScenarioResult(scenario.Name, scenario.Description, metrics, average, watch.Elapsed.TotalSeconds);
    }

    private double Karma(int i) => KarmaRules.Decay(_karma[i], _karmaAt[i], NowMs, _policy.KarmaHalfLifeDays);

    private int Level(int i) => KarmaRules.Level(Karma(i), _policy);

    private void AddKarma(int i, double delta)
    {
        _karma[i] = KarmaRules.Clamp(Karma(i) + delta, _policy);
        _karmaAt[i] = NowMs;
    }

    private void Day()
    {
        ComputeThresholds();
        Expire();
        Advance();
        _hot = _open
            .OrderByDescending(p => AgendaRules.Hot(p.Score, (_day - p.CreatedDay) * 24 + 12, _policy.HotGravity))
            .Take(HotListSize).ToList();
        for (var i = 0; i < _n; i++)
        {
            if (_random.NextDouble() < _people.Activity[i])
            {
                Act(i);
            }
        }
    }

    /// <summary>Quorum and minimum supporters over members active within the policy's window.</summary>
    private void ComputeThresholds()
    {
        long summed = 0;
        var active = 0;
        var since = _day - (int)_policy.ActiveDays;
        for (var i = 0; i < _n; i++)
        {
            if (_lastActive[i] >= since)
            {
                active++;
                summed += KarmaRules.Allowance(Level(i), _policy);
            }
        }

        _quorum = AgendaRules.Quorum(summed, _policy);
        _minimumSupporters = AgendaRules.MinimumSupporters(active, _policy);
    }

    private void Act(int i)
    {
        _lastActive[i] = _day;
        var ring = _people.Ring[i];
        if (_random.NextDouble() < (ring >= 0 ? 0.05 : 0.01))
        {
            Propose(i);
        }

        Support(i);
        if (_random.NextDouble() < 0.2)
        {
            Endorse(i);
        }
    }

    private void Propose(int author)
    {
        var ring = _people.Ring[author];

        // Colluders push their own, mediocre proposals; everyone else's quality follows their judgement.
        var quality = ring >= 0
            ? 0.2 + (0.2 * _random.NextDouble())
            : Math.Clamp((0.6 * _people.Judgement[author]) + (0.4 * _random.NextDouble()), 0, 1);
        var proposal = new SimProposal(_nextProposal++, author, 1 + _random.Next(Areas - 1), quality, ring, _day);
        _open.Add(proposal);
    }
}
