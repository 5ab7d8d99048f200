namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>Free slots per vehicle class after a confirmed decision.</summary>
public sealed record LotCountsChanged(string LotId, IReadOnlyDictionary<VehicleClass, int> Free, DateTimeOffset At);
