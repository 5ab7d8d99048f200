namespace ParkingGrains.Runtime;

/// <summary>The method may interleave with any request, even on a non-reentrant grain.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
