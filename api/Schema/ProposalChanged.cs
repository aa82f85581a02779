namespace Governance.Api.Schema;

/// <summary>Published after a command changed a proposal (its support, status or text) committed.</summary>
public sealed record ProposalChanged(long ProposalId);

/// <summary>Published after a command that may have changed the agenda queue committed.</summary>
public sealed record AgendaChanged;

/// <summary>Published after a clock pass committed transitions (expiries, votes opening or closing, promotions, draws).</summary>
public sealed record ClockAdvanced(Governance.Core.Clock.ClockReport Report);
