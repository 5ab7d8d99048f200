namespace ParkingGrains.History;

/// <summary>Newest first. Pass <see cref="NextBeforeVersion"/> back to get the next (older) page; null when there is none.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, long? NextBeforeVersion);
