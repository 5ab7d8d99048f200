using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

/// <summary>Money received for a stay (revenue, by method and vehicle class).</summary>
public sealed record PaymentRecorded(
    string EventId,
    string SessionId,
    VehicleClass VehicleClass,
    Money Amount,
    PaymentMethod Method,
    string? Reference,
    DateTimeOffset? FreeExitUntil,
    PaymentResult Result,
    DateTimeOffset OccurredAt) : LotEvent(OccurredAt)
{
    /// <summary>More than was due, paid on purpose (the command's overpayment flag); reports show it apart.</summary>
    public bool Overpayment { get; init; }

    /// <summary>How much of <see cref="Amount"/> was above what was due.</summary>
    public decimal Overpaid { get; init; }
}
