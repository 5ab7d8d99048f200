namespace ParkingGrains.History;

/// <summary>What revenue is split by besides the time bucket (and currency, which is never summed across).</summary>
[Flags]
public enum RevenueGrouping
{
    None = 0,
    Lot = 1,
    VehicleClass = 2,
    PaymentMethod = 4,
}
