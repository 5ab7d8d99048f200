using ParkingGrains.Storage.Sql;
using System.Globalization;
using ParkingGrains.Storage.GrainState;

namespace ParkingGrains.Storage.EventLog;

/// <summary>
/// One queued append: <see cref="Events"/> become versions ExpectedVersion+1.. of the stream, or none of them do.
/// Completed with the stream's new last version only after its batch committed.
/// </summary>
internal sealed class PendingAppend : IBatchedWrite
{
    public PendingAppend(GrainId grainId, string stream, long expectedVersion, IReadOnlyList<EventToAppend> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        GrainId = grainId;
        Stream = stream;
        ExpectedVersion = expectedVersion;
        Events = events;
    }

    public GrainId GrainId { get; }

    public string GrainType => GrainId.Type.ToString();

    public string GrainKey => GrainId.Key.ToString();

    public string Stream { get; }

    public long ExpectedVersion { get; }

    public IReadOnlyList<EventToAppend> Events { get; }

    public long NewVersion => ExpectedVersion + Events.Count;

    // Continuations run asynchronously so a grain's continuation never runs on (and stalls) the writer loop.
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    string IBatchedWrite.RowName => Stream;

    public InconsistentStateException Conflict() =>
        new(
            $"Stream {Stream} of {GrainId} is not at version {ExpectedVersion}; another activation appended to it, or the caller skipped versions.",
            storedEtag: null,
            currentEtag: ExpectedVersion.ToString(CultureInfo.InvariantCulture));
}
