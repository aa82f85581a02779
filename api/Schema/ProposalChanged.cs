namespace Governance.Api.Schema;

/// <summary>Published after a command changed a proposal (its support, status or text) committed.</summary>
public sealed record ProposalChanged(long ProposalId);

/// <summary>Published after a command that may have changed the agenda queue committed.</summary>
public sealed record AgendaChanged;
