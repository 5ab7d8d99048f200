namespace ParkingGrains.Storage.Journaling;

/// <summary>A journaled grain's state as of a version, so activation replays only the events after it.</summary>
internal sealed class JournalSnapshot
{
    public long Version { get; set; }

    public string? StateJson { get; set; }
}
