namespace ParkingGrains.History;

/// <summary>One event of a lot's history for an audit view: its position in the lot's log, kind, time and a one-line summary.</summary>
public sealed record HistoryEntry(long Version, string Kind, DateTimeOffset OccurredAt, string Summary);
