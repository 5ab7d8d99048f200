using Orleans;
using Orleans.Concurrency;
using ParkingGrains.Grains.Interfaces.Calls;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Interfaces.Sessions;

/// <summary>
/// One stay (key: session id, "{lotId}:{ticket}"): the addressable handle a driver's QR or receipt points at.
/// The stay's decisions live in its lot's log (entry, payments and exit must be atomic with the slot), so this
/// grain asks the lot and caches nothing it could get wrong.
/// </summary>
public interface IVehicleSessionGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<ExitQuote?> Quote(DateTimeOffset at);

    [Idempotent]
    Task<PaymentResult> Pay(string eventId, Money amount, PaymentMethod method, DateTimeOffset time, string? reference);
}
