namespace ParkingGrains.Storage.EventLog;

/// <summary>One event ready to store: its kind (type name), when it happened, and its JSON payload.</summary>
public sealed record EventToAppend(string Kind, DateTimeOffset OccurredAt, string PayloadJson);
