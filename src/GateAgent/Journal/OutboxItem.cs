namespace ParkingGrains.GateAgent.Journal;

/// <summary>
/// An event the lane decided on its own, waiting to be replayed to the cluster in order. <see cref="Payload"/> is the
/// command as JSON; <see cref="LocalDecision"/> what the lane did (for the conflict alert if the cluster disagrees);
/// <see cref="Attempts"/> counts replays the cluster answered "not yet" (an exit whose entry has not arrived).
/// </summary>
public sealed record OutboxItem(long Sequence, string EventId, OutboxKind Kind, string Payload, string LocalDecision, DateTimeOffset CreatedAt, int Attempts);
