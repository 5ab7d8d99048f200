namespace ParkingGrains.Storage.Sql;

/// <summary>
/// A conditional write queued in a <see cref="WriteBatcher{TWrite}"/>: a grain state write or an event-log append.
/// Completed with <see cref="NewVersion"/> only after its batch committed.
/// </summary>
internal interface IBatchedWrite
{
    string GrainType { get; }

    string GrainKey { get; }

    /// <summary>Names the row (or stream) within the grain: the state name, or the event stream.</summary>
    string RowName { get; }

    TaskCompletionSource<long> Completion { get; }

    /// <summary>The version the row or stream is at once this write applied.</summary>
    long NewVersion { get; }

    /// <summary>The error for a write whose expected version no longer matched.</summary>
    InconsistentStateException Conflict();
}
