namespace ParkingGrains.Grains.Interfaces.Calls;

/// <summary>Repeating the call has the same effect as making it once (it carries an eventId), so a caller may retry it after a silo failure.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute;
