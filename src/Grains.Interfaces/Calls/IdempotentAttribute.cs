namespace ParkingGrains.Grains.Interfaces.Calls;

/// <summary>
/// Marks a grain interface method whose repetition has the same effect as making it once: its command carries an
/// event id (or it is naturally idempotent), and the grain answers a repeat with the first outcome. A caller may
/// therefore retry it after a silo failure without knowing whether the first attempt arrived;
/// <see cref="IdempotentRetryFilter"/> does so for every call to a method carrying this attribute.
/// </summary>
/// <remarks>Orleans has no equivalent: its own <c>[Orleans.Concurrency.ReadOnly]</c> and the like say nothing about repeats.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class IdempotentAttribute : Attribute
{
}
