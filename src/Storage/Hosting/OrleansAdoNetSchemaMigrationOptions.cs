namespace ParkingGrains.Storage.Hosting;

/// <summary>The databases whose Orleans AdoNet schema a silo migrates before its providers start.</summary>
internal sealed class OrleansAdoNetSchemaMigrationOptions
{
    /// <summary>Each distinct connection string once, however many providers point at it.</summary>
    public HashSet<string> ConnectionStrings { get; } = new(StringComparer.Ordinal);
}
