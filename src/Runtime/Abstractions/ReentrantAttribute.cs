namespace ParkingGrains.Runtime;

/// <summary>Any request may interleave with any other at this grain's await points.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReentrantAttribute : Attribute;
