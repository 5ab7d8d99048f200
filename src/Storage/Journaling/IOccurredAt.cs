namespace ParkingGrains.Storage.Journaling;

/// <summary>Events that carry their own business time; it is stored in the log's occurred_at column for reports.</summary>
public interface IOccurredAt
{
    DateTimeOffset OccurredAt { get; }
}
