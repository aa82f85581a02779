using Governance.Core.Karma;

namespace Governance.Core.Simulation;

/// <summary>Support points and the agenda filter, as members use them.</summary>
internal sealed partial class World
{
    private void Support(int i)
    {
        var level = Level(i);
        var free = KarmaRules.Allowance(level, _policy) - _allocated[i];
        if (free <= 0)
        {
            // Out of points: now and then a member takes back their oldest support to move on.
            if (_random.NextDouble() < 0.1 && _supporting[i] is { Count: > 0 } list)
            {
                Withdraw(i, list[0]);
                free = KarmaRules.Allowance(level, _policy) - _allocated[i];
            }

            if (free <= 0)
            {
                return;
            }
        }

        var cap = KarmaRules.ProposalCap(level);
        var ring = _people.Ring[i];
        if (ring >= 0)
        {
            // A colluder spends everything on the ring's own open proposals first. A copy: an
            // allocation can carry a proposal onto the agenda and out of the open list.
            foreach (var p in _open.ToArray())
            {
                if (p.Ring == ring && free > 0 && !Supports(i, p))
                {
                    free -= Allocate(i, p, Math.Min(cap, free));
                }
            }

            return;
        }

        // Everyone else reads the front of the hot list and one proposal at random.
        var looks = _hot.Count + (_open.Count > 0 ? 1 : 0);
        var noise = 0.05 + (0.3 * (1 - _people.Judgement[i]));
        for (var k = 0; k < looks && free > 0; k++)
        {
            if (k >= _hot.Count && _open.Count == 0)
            {
                break;
            }

            var p = k < _hot.Count ? _hot[k] : _open[_random.Next(_open.Count)];
            if (p.Status != SimStatus.Open || Supports(i, p) || p.Author == i)
            {
                continue;
            }

            var perceived = p.Quality + (noise * Population.Normal(_random));
            if (perceived > 0.65)
            {
                free -= Allocate(i, p, Math.Min(cap, free));
            }
        }
    }

    private bool Supports(int i, SimProposal p) => _supporting[i] is { } list && list.Contains(p);

    private int Allocate(int i, SimProposal p, int points)
    {
        var early = p.Score < _quorum / 2;
        p.Supports.Add((i, points, early));
        p.Score += points;
        _allocated[i] += points;
        (_supporting[i] ??= []).Add(p);
        if (p.Score >= _quorum && p.Supports.Count >= _minimumSupporters)
        {
            ToAgenda(p);
        }

        return points;
    }

    private void Withdraw(int i, SimProposal p)
    {
        var index = p.Supports.FindIndex(s => s.Member == i);
        if (index < 0)
        {
            return;
        }

        p.Score -= p.Supports[index].Points;
        _allocated[i] -= p.Supports[index].Points;
        p.Supports.RemoveAt(index);
        _supporting[i]!.Remove(p);
    }

    /// <summary>Leaving Open releases every point (DESIGN §5).</summary>
    private void ReleaseAll(SimProposal p)
    {
        foreach (var (member, points, _) in p.Supports)
        {
            _allocated[member] -= points;
            _supporting[member]!.Remove(p);
        }

        p.Supports.Clear();
        p.Score = 0;
        _open.Remove(p);
    }

    private void ToAgenda(SimProposal p)
    {
        foreach (var (member, _, early) in p.Supports)
        {
            if (early)
            {
                AddKarma(member, _policy.EarlySupportReward);
            }
        }

        ReleaseAll(p);
        p.Status = SimStatus.OnAgenda;
        p.AgendaDay = _day;
        _pipeline.Add(p);
        _agendaArrivals++;
        if (p.Ring >= 0)
        {
            _colluderArrivals++;
        }
    }

    private void Expire()
    {
        for (var k = _open.Count - 1; k >= 0; k--)
        {
            var p = _open[k];
            if (_day - p.CreatedDay >= _policy.ExpiryDays)
            {
                ReleaseAll(p);
                p.Status = SimStatus.Expired;
            }
        }
    }

    private void Endorse(int i)
    {
        // At most 5 in 7 days: the oldest of the last five must be a week old.
        var slot = i * 5;
        var oldest = slot;
        for (var k = slot + 1; k < slot + 5; k++)
        {
            if (_recentEndorsements[k] < _recentEndorsements[oldest])
            {
                oldest = k;
            }
        }

        if (_day - _recentEndorsements[oldest] < 7)
        {
            return;
        }

        var ring = _people.Ring[i];
        var target = ring >= 0
            ? Array.IndexOf(_people.Ring, ring, _random.Next(_n))
            : Sample(_endorseCdf);
        if (target < 0 || target == i)
        {
            return;
        }

        var pair = ((long)i * _n) + target;
        if (_pairDay.TryGetValue(pair, out var last) && _day - last < _policy.EndorsementPairDays)
        {
            return;
        }

        _pairDay[pair] = _day;
        _recentEndorsements[oldest] = _day;
        AddKarma(target, KarmaRules.EndorsementKarma(Level(i), _policy));
    }
}
