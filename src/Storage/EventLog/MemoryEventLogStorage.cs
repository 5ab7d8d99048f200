namespace ParkingGrains.Storage.EventLog;

/// <summary>An event log in memory with the same append rules as the SQL ones (tests; several silos may share one).</summary>
public sealed class MemoryEventLogStorage : IEventLogStorage
{
    private readonly Dictionary<(GrainId, string), List<StoredEvent>> _streams = [];

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string streamName, long afterVersion)
    {
        lock (_streams)
        {
            IReadOnlyList<StoredEvent> events = _streams.TryGetValue((grainId, streamName), out var stream)
                ? stream.Where(e => e.Version > afterVersion).ToList()
                : [];
            return Task.FromResult(events);
        }
    }

    public Task AppendAsync(GrainId grainId, string streamName, long expectedVersion, IReadOnlyList<EventToAppend> events)
    {
        lock (_streams)
        {
            if (!_streams.TryGetValue((grainId, streamName), out var stream))
            {
                stream = [];
                _streams[(grainId, streamName)] = stream;
            }

            if (stream.Count != expectedVersion)
            {
                throw new InconsistentStateException(
                    $"Stream {streamName} of {grainId} is at version {stream.Count}, not {expectedVersion}.",
                    stream.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var e in events)
            {
                stream.Add(new StoredEvent(stream.Count + 1, e.Kind, e.OccurredAt, e.PayloadJson));
            }
        }

        return Task.CompletedTask;
    }
}
