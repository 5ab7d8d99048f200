namespace ParkingGrains.Storage.EventLog;

/// <summary>
/// An append-only log of events per grain (a stream), as rows in SQL. Appends are optimistic: they name the
/// version they follow, and an append after a version that is no longer the last throws
/// <see cref="InconsistentStateException"/> — the event-sourced equivalent of a stale ETag. An append is all or
/// nothing and is acknowledged only once durable. The rows double as the system's history for reports.
/// </summary>
public interface IEventLogStorage
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Events of the stream with version greater than <paramref name="afterVersion"/>, in order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string streamName, long afterVersion);

    /// <summary>
    /// Appends <paramref name="events"/> as versions expectedVersion+1, +2, …; throws InconsistentStateException
    /// when the stream's last version is not <paramref name="expectedVersion"/>.
    /// </summary>
    Task AppendAsync(GrainId grainId, string streamName, long expectedVersion, IReadOnlyList<EventToAppend> events);
}
