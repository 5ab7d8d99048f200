namespace ParkingGrains.Storage.Journaling;

/// <summary>
/// Something the journal skipped while rebuilding a grain's state: an event (<see cref="Version"/>) or the snapshot
/// (no version) it could not read or apply. <see cref="Kind"/> is the exception's type name, never its text.
/// </summary>
public sealed record JournalReplayProblem(long? Version, string Kind);
