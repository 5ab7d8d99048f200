namespace ParkingGrains.Runtime;

/// <summary>
/// A write carried a version tag that no longer matches storage: another activation (a stale duplicate during a
/// membership change) wrote first. The writer's in-memory state is stale and must not be acknowledged.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, string? storedETag, string? currentETag)
        : base(message)
    {
        StoredETag = storedETag;
        CurrentETag = currentETag;
    }

    /// <summary>The version found in storage, when the provider knows it.</summary>
    public string? StoredETag { get; }

    /// <summary>The version the writer believed current.</summary>
    public string? CurrentETag { get; }
}
