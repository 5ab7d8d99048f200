namespace ParkingGrains.Storage.EventLog;

/// <summary>An event as read back from the log.</summary>
public sealed record StoredEvent(long Version, string Kind, DateTimeOffset OccurredAt, string PayloadJson);
