namespace ParkingGrains.Runtime.Hosting;

public static class GrainStorageNames
{
    /// <summary>The storage used by [PersistentState] without a storage name.</summary>
    public const string Default = "Default";
}
