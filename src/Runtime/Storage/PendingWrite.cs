namespace ParkingGrains.Runtime.Storage;

/// <summary>
/// One queued conditional write. <see cref="Payload"/> null means clear; <see cref="ExpectedVersion"/> null means the
/// writer believes no row exists (insert-only). Completed with the new version only after its batch committed.
/// </summary>
internal sealed class PendingWrite(string grainType, string grainKey, string stateName, string? payload, long? expectedVersion)
{
    public string GrainType { get; } = grainType;

    public string GrainKey { get; } = grainKey;

    public string StateName { get; } = stateName;

    public string? Payload { get; } = payload;

    public long? ExpectedVersion { get; } = expectedVersion;

    public long NewVersion => (ExpectedVersion ?? 0) + 1;

    // Continuations run asynchronously so a grain's continuation never runs on (and stalls) the writer loop.
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Orders a batch by row so concurrent batches lock rows in the same order and cannot deadlock.</summary>
    public static int CompareByRow(PendingWrite a, PendingWrite b)
    {
        var c = string.CompareOrdinal(a.GrainType, b.GrainType);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.GrainKey, b.GrainKey);
        return c != 0 ? c : string.CompareOrdinal(a.StateName, b.StateName);
    }
}
