using System.Reflection;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Grains.Lots.Events;
using ParkingGrains.Grains.Tests.Infrastructure;
using ParkingGrains.History;
using ParkingGrains.Storage.Journaling;

namespace ParkingGrains.Grains.Tests.History;

/// <summary>
/// The History project reads event_log by names it cannot take from the grains (it no longer references them): the
/// lot grain's type, its stream and the event kinds, which the journal writes as the event's class name.
/// </summary>
[Collection(DomainCollection.Name)]
public sealed class HistoryNamesTests(DomainClusterFixture fixture)
{
    [Fact]
    public void EventKinds_AreTheLotEventClassNames()
    {
        Assert.Equal(nameof(VehicleEntered), HistoryNames.Entered);
        Assert.Equal(nameof(VehicleExited), HistoryNames.Exited);
        Assert.Equal(nameof(SessionForceClosed), HistoryNames.ForceClosed);
        Assert.Equal(nameof(PaymentRecorded), HistoryNames.Payment);
        Assert.Equal(nameof(RefundRecorded), HistoryNames.Refund);
        Assert.Equal(nameof(LotConfigured), HistoryNames.Configured);
        Assert.All([typeof(VehicleEntered), typeof(VehicleExited), typeof(SessionForceClosed), typeof(PaymentRecorded), typeof(RefundRecorded), typeof(LotConfigured)],
            type => Assert.True(type.IsSubclassOf(typeof(LotEvent)), $"{type.Name} is not a lot event."));
    }

    [Fact]
    public void TheLotGrainTypeAndStream_AreTheOnesTheHistoryReads()
    {
        var journal = typeof(LotGrain).GetConstructors().Single().GetParameters()
            .Select(p => p.GetCustomAttribute<JournaledStateAttribute>()).Single(a => a is not null)!;

        Assert.Equal(HistoryNames.LotStream, journal.StreamName);
        Assert.Equal(HistoryNames.LotGrainType, fixture.Grains.GetGrain<ILotGrain>("any").GetGrainId().Type.ToString());
    }
}
