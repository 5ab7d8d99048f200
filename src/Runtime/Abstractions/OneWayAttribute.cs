namespace ParkingGrains.Runtime;

/// <summary>The caller does not wait for completion or errors.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
