namespace ParkingGrains.Runtime;

/// <summary>The state envelope a storage provider reads and writes: value, version tag, and whether a row exists.</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>Opaque version of the stored row; null when nothing has been stored yet.</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }
}
