namespace ParkingGrains.GateAgent.Devices;

/// <summary>The vehicle loop under the barrier changed: a vehicle is over it (<paramref name="Present"/>) or it is clear.</summary>
public sealed record VehiclePresence(bool Present, DateTimeOffset At);
