namespace ParkingGrains.Runtime.Reminders;

/// <summary>A durable reminder row: fires first at <see cref="StartAt"/>, then every <see cref="Period"/>.</summary>
public sealed record ReminderEntry
{
    public required GrainId GrainId { get; init; }

    public required string ReminderName { get; init; }

    public required DateTimeOffset StartAt { get; init; }

    public required TimeSpan Period { get; init; }

    public string? ETag { get; init; }
}
