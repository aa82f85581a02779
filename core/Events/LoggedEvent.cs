namespace Governance.Core.Events;

/// <summary>An event-log entry as it was appended: its sequence number, time (Unix ms), actor, type and canonical JSON payload.</summary>
public sealed record LoggedEvent(long Seq, long At, long? ActorId, string Type, string Payload);
