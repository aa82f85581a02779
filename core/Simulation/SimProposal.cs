namespace Governance.Core.Simulation;

/// <summary>A proposal in the simulation: its latent quality and where it is in DESIGN §5's life cycle.</summary>
internal sealed class SimProposal(int id, int author, int area, double quality, int ring, int createdDay)
{
    public int Id { get; } = id;
    public int Author { get; } = author;
    public int Area { get; } = area;
    public double Quality { get; } = quality;
    public int Ring { get; } = ring;
    public int CreatedDay { get; } = createdDay;
    public SimStatus Status { get; set; } = SimStatus.Open;
    public int Score { get; set; }
    public List<(int Member, int Points, bool Early)> Supports { get; } = [];
    public int AgendaDay { get; set; }
    public int VotingStartDay { get; set; }
    public int VotingEndDay { get; set; }
}

internal enum SimStatus
{
    Open,
    OnAgenda,
    Scheduled,
    Voting,
    Closed,
    Expired,
    Declined,
}
