using Governance.Core.Delegation;
using Governance.Core.Delegation.Synthetic;

namespace Governance.Benchmarks.Delegation;

/// <summary>Applies random live changes to a generated organisation with a provisional tally running.</summary>
internal sealed class LiveChangeDriver
{
    private readonly Random _random;
    private readonly int _members;
    private readonly DelegationEngine _engine;
    private readonly LiveTally _live;
    private readonly long[] _list = new long[3];

    public LiveChangeDriver(int members, int seed)
    {
        _members = members;
        _random = new Random(seed);
        _engine = SyntheticOrganisation.Generate(members, seed).LoadInto();
        _live = _engine.StartLiveTally(SyntheticOrganisation.ProposalId, TallyPolicy.Default);
    }

    public LiveTally Live => _live;

    public DelegationEngine Engine => _engine;

    /// <summary>
    /// 40 % set a global delegation (1–3 uniformly drawn delegates), 10 % an area one, 10 % revoke
    /// the global one, 25 % cast or change a vote, 15 % withdraw a vote. Returns a live figure
    /// so the work cannot be optimised away.
    /// </summary>
    public double Step()
    {
        long m = _random.Next(_members);
        int kind = _random.Next(100);
        if (kind < 50)
        {
            int count = _random.Next(1, 4);
            for (int i = 0; i < count; i++)
            {
                long d;
                do d = _random.Next(_members);
                while (d == m || _list.AsSpan(0, i).Contains(d));
                _list[i] = d;
            }

            var scope = kind < 40 ? DelegationScope.Global : DelegationScope.ForArea(_random.Next(_engine.AreaCount));
            _engine.SetDelegation(m, scope, _list.AsSpan(0, count));
        }
        else if (kind < 60)
        {
            _engine.RevokeDelegation(m, DelegationScope.Global);
        }
        else if (kind < 85)
        {
            _engine.CastVote(SyntheticOrganisation.ProposalId, m, (VoteChoice)_random.Next(1, 4));
        }
        else
        {
            _engine.WithdrawVote(SyntheticOrganisation.ProposalId, m);
        }

        return _live.Yes;
    }
}
