using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>A slot's status after a confirmed decision; <see cref="SessionId"/> is the stay holding it, if any.</summary>
public sealed record SlotChanged(string LotId, string SlotId, SlotStatus Status, string? SessionId, DateTimeOffset At);
