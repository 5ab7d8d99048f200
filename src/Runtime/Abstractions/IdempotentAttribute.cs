namespace ParkingGrains.Runtime;

/// <summary>Repeating the call has the same effect as making it once (e.g. it carries an eventId), so the runtime may resend it after a silo died with the call in flight.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute;
