using System.Globalization;
using ParkingGrains.Runtime.Storage;

namespace ParkingGrains.Runtime.EventLog;

/// <summary>
/// One queued append: <see cref="Events"/> become versions ExpectedVersion+1.. of the stream, or none of them do.
/// Completed with the stream's new last version only after its batch committed.
/// </summary>
internal sealed class PendingAppend(GrainId grainId, string stream, long expectedVersion, IReadOnlyList<EventToAppend> events) : IBatchedWrite
{
    public GrainId GrainId { get; } = grainId;

    public string GrainType => GrainId.Type;

    public string GrainKey => GrainId.Key;

    public string Stream { get; } = stream;

    public long ExpectedVersion { get; } = expectedVersion;

    public IReadOnlyList<EventToAppend> Events { get; } = events;

    public long NewVersion => ExpectedVersion + Events.Count;

    // Continuations run asynchronously so a grain's continuation never runs on (and stalls) the writer loop.
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    string IBatchedWrite.RowName => Stream;

    public InconsistentStateException Conflict() => Conflict(GrainType, GrainKey, Stream, ExpectedVersion);

    public static InconsistentStateException Conflict(string grainType, string grainKey, string stream, long expectedVersion) =>
        new(
            $"Stream {stream} of {grainType}/{grainKey} is no longer at version {expectedVersion}; another activation appended to it.",
            storedETag: null,
            currentETag: expectedVersion.ToString(CultureInfo.InvariantCulture));
}
