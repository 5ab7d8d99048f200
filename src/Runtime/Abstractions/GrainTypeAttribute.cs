namespace ParkingGrains.Runtime;

/// <summary>Names the grain type used in grain ids (default: the class name without a "Grain" suffix, lower-case).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
