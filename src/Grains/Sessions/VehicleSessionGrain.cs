using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Sessions;

namespace ParkingGrains.Grains.Sessions;

/// <summary>A stay's handle: quotes and payments go to the lot that owns the stay's decisions.</summary>
public sealed class VehicleSessionGrain : Grain, IVehicleSessionGrain
{
    private string SessionId => this.GetPrimaryKeyString();

    private ILotGrain Lot => GrainFactory.GetGrain<ILotGrain>(SessionIds.LotOf(SessionId));

    public Task<ExitQuote?> Quote(DateTimeOffset at) => Lot.Quote(SessionId, at);

    public Task<PaymentResult> Pay(string eventId, Money amount, PaymentMethod method, DateTimeOffset time, string? reference) =>
        Lot.Pay(new PaymentCommand(eventId, SessionId, amount, method, time, reference));
}
