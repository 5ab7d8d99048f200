namespace ParkingGrains.Storage.Journaling;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IJournaledState{TState,TEvent}"/>: an Orleans grain facet
/// (like <c>[PersistentState]</c>) that reads the state on activation and appends the grain's events to the event log.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class JournaledStateAttribute(string streamName, string? storageName = null) : Attribute, IFacetMetadata
{
    public string StreamName { get; } = streamName;

    /// <summary>Named event log (and snapshot storage); null means the default.</summary>
    public string? StorageName { get; } = storageName;

    /// <summary>A snapshot is written every this many events, bounding replay time on activation (0 = never).</summary>
    public int SnapshotEvery { get; init; } = 200;
}
