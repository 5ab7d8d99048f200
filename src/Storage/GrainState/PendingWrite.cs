using ParkingGrains.Storage.Sql;
namespace ParkingGrains.Storage.GrainState;

/// <summary>
/// One queued conditional write. <see cref="Payload"/> null means clear; <see cref="ExpectedVersion"/> null means the
/// writer believes no row exists (insert-only). Completed with the new version only after its batch committed.
/// </summary>
internal sealed class PendingWrite(string grainType, string grainKey, string stateName, string? payload, long? expectedVersion) : IBatchedWrite
{
    public string GrainType { get; } = grainType;

    public string GrainKey { get; } = grainKey;

    public string StateName { get; } = stateName;

    string IBatchedWrite.RowName => StateName;

    public string? Payload { get; } = payload;

    public long? ExpectedVersion { get; } = expectedVersion;

    public long NewVersion => (ExpectedVersion ?? 0) + 1;

    // Continuations run asynchronously so a grain's continuation never runs on (and stalls) the writer loop.
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InconsistentStateException Conflict()
    {
        var expected = ExpectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new InconsistentStateException(
            expected is null
                ? $"State '{StateName}' of {GrainType}/{GrainKey} already exists; a first write (ETag null) cannot overwrite it."
                : $"State '{StateName}' of {GrainType}/{GrainKey} is no longer at version {expected}; another activation wrote it.",
            storedEtag: null,
            currentEtag: expected);
    }
}
