namespace ParkingGrains.Storage.Journaling;

/// <summary>Settings of journaled grains that differ per deployment (configuration section <c>Journal</c>).</summary>
public sealed class JournalOptions
{
    /// <summary>
    /// Snapshot interval per stream name (e.g. <c>lot</c>), overriding the grain's <see cref="JournaledStateAttribute.SnapshotEvery"/>.
    /// </summary>
    public Dictionary<string, int> SnapshotEvery { get; set; } = [];
}
