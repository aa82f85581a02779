using System.Security.Cryptography;
using Governance.Core.Delegation;
using Governance.Core.Karma;
using Governance.Core.Lottery;

namespace Governance.Core.Simulation;

/// <summary>Moderation, votes, the lottery and the weekly measures.</summary>
internal sealed partial class World
{
    private void Advance()
    {
        for (var k = _pipeline.Count - 1; k >= 0; k--)
        {
            var p = _pipeline[k];
            switch (p.Status)
            {
                case SimStatus.OnAgenda when _day > p.AgendaDay:
                    // Moderators decline what is plainly poor (colluders' fillers as abuse), schedule the rest.
                    if (p.Quality < 0.3)
                    {
                        p.Status = SimStatus.Declined;
                        if (p.Ring >= 0)
                        {
                            AddKarma(p.Author, -_policy.AbusePenalty);
                        }

                        _pipeline.RemoveAt(k);
                    }
                    else
                    {
                        p.Status = SimStatus.Scheduled;
                        p.VotingStartDay = _day + (int)_policy.DiscussionDays;
                        p.VotingEndDay = p.VotingStartDay + (int)_policy.VotingDays;
                    }

                    break;
                case SimStatus.Scheduled when _day >= p.VotingStartDay:
                    p.Status = SimStatus.Voting;
                    break;
                case SimStatus.Voting when _day >= p.VotingEndDay:
                    Vote(p.Id, p.Area, p.Quality, p.Ring);
                    p.Status = SimStatus.Closed;
                    _votesClosed++;
                    _pipeline.RemoveAt(k);
                    break;
            }
        }
    }

    /// <summary>Members vote directly with their participation chance; the engine tallies the rest through delegations.</summary>
    private Tally Vote(long proposalId, int area, double quality, int ring)
    {
        _engine.AddProposal(proposalId, area);
        for (var i = 0; i < _n; i++)
        {
            var colluding = ring >= 0 && _people.Ring[i] == ring;
            if (colluding || _random.NextDouble() < _people.Participation[i])
            {
                var perceived = quality + ((0.05 + (0.3 * (1 - _people.Judgement[i]))) * Population.Normal(_random));
                _engine.CastVote(proposalId, i, colluding || perceived > 0.5 ? VoteChoice.Yes : VoteChoice.No);
            }
        }

        var tally = _engine.Count(proposalId, _tally);
        _engine.RemoveProposal(proposalId);
        return tally;
    }

    private WeekMetrics EndWeek(int week)
    {
        var drawn = Lottery();
        var points = new double[_n];
        var karma = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            karma[i] = Karma(i);
            points[i] = KarmaRules.Allowance(KarmaRules.Level(karma[i], _policy), _policy);
        }

        // A reference vote each week in a random area, so carried weight is measured every week.
        var reference = Vote(-1 - week, 1 + _random.Next(Areas - 1), 0.5, -1);
        var weights = reference.Weights.Select(w => w.Weight).ToArray();
        var metrics = new WeekMetrics(
            week + 1,
            Inequality.TopShare(points, 0.01),
            Inequality.TopShare(points, 0.10),
            Inequality.Gini(karma),
            Inequality.Gini(weights),
            reference.SuperDelegates.Count,
            _agendaArrivals,
            _votesClosed,
            _agendaArrivals == 0 ? 0 : (double)_colluderArrivals / _agendaArrivals,
            drawn);
        _agendaArrivals = _colluderArrivals = _votesClosed = 0;

        // Reputation moves delegations: each week some delegators pick again, by karma.
        RebuildCdfs();
        for (var i = 0; i < _n; i++)
        {
            if (_people.Delegates[i] && _random.NextDouble() < 0.05)
            {
                Redelegate(i);
            }
        }

        return metrics;
    }

    /// <summary>The lottery of DESIGN §4 with LotteryDraw's rule; the simulation's "head hash" is derived from its seed.</summary>
    private int Lottery()
    {
        if (_policy.LotteryBaseProbability <= 0)
        {
            return 0;
        }

        var period = LotteryPeriod.Containing(NowMs, _policy.LotteryPeriodDays);
        var head = SHA256.HashData(BitConverter.GetBytes(((long)_seed << 20) + _day));
        var seed = LotteryDraw.Seed(period.Id, head);
        var drawn = 0;
        for (var i = 0; i < _n; i++)
        {
            var p = KarmaRules.LotteryProbability(Level(i), _policy);
            if (p > 0 && LotteryDraw.IsDrawn(seed, i, p))
            {
                _karma[i] = 0;
                _karmaAt[i] = NowMs;
                drawn++;
            }
        }

        return drawn;
    }

    private void RebuildCdfs()
    {
        _endorseCdf = Cdf(i => _people.Popularity[i] * _people.Judgement[i] * _people.Judgement[i]);
        _delegateCdf = Cdf(i => _people.Popularity[i] * Math.Pow(1 + (Karma(i) / 10), 2));
    }

    private double[] Cdf(Func<int, double> weight)
    {
        var cdf = new double[_n];
        double sum = 0;
        for (var i = 0; i < _n; i++)
        {
            sum += weight(i);
            cdf[i] = sum;
        }

        return cdf;
    }

    private int Sample(double[] cdf)
    {
        var index = Array.BinarySearch(cdf, _random.NextDouble() * cdf[^1]);
        return Math.Min(_n - 1, index < 0 ? ~index : index);
    }

    private void Redelegate(int i)
    {
        if (!_people.Delegates[i])
        {
            return;
        }

        var d = Sample(_delegateCdf);
        if (d == i || d == _delegateOf[i] - 1)
        {
            return;
        }

        _delegateOf[i] = d + 1;
        _engine.SetDelegation(i, DelegationScope.Global, [d]);
    }
}
