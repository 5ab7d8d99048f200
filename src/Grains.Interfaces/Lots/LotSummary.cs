namespace ParkingGrains.Grains.Interfaces.Lots;

public sealed record LotSummary(string LotId, string Name, string TimeZoneId, string Currency);
