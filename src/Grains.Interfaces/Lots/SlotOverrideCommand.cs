namespace ParkingGrains.Grains.Interfaces.Lots;

public sealed record SlotOverrideCommand(string EventId, string SlotId, SlotOverride Override, string Reason, string Operator, DateTimeOffset Time);
