namespace ParkingGrains.Runtime;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{T}"/> to be loaded before activation.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    /// <summary>The named storage provider; null means the default one.</summary>
    public string? StorageName { get; } = storageName;
}
