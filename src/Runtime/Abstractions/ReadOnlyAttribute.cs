namespace ParkingGrains.Runtime;

/// <summary>The method does not change state; read-only requests may run interleaved with each other.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
