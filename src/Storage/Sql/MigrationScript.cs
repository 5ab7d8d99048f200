namespace ParkingGrains.Storage.Sql;

/// <summary>One versioned schema script of a component (e.g. "grain_storage" version 1).</summary>
public sealed record MigrationScript(int Version, string Name, string Sql);
