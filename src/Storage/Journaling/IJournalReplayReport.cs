namespace ParkingGrains.Storage.Journaling;

/// <summary>
/// What the journal skipped on activation so the grain could activate at all. Replay never throws: an unreadable
/// snapshot means a replay from the start, an unreadable event is logged (stream, version, exception) and skipped.
/// The grain decides whom to tell (a lot raises an alert).
/// </summary>
public interface IJournalReplayReport
{
    IReadOnlyList<JournalReplayProblem> ReplayProblems { get; }
}
