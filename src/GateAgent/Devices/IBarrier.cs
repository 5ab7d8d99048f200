using System.Threading.Channels;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// The lane's barrier. Commands return once the barrier has taken them (the acknowledgement an operator's command
/// waits for); what the boom then does is reported in <see cref="Transitions"/>.
/// </summary>
public interface IBarrier : ILaneDevice
{
    BarrierState State { get; }

    bool VehiclePresent { get; }

    /// <summary>Every state change, in order, with its cause and time.</summary>
    ChannelReader<BarrierTransition> Transitions { get; }

    /// <summary>Opens (or keeps open) for <paramref name="duration"/> once the boom is up.</summary>
    Task OpenAsync(TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Closes now, or as soon as the loop is clear.</summary>
    Task CloseAsync(CancellationToken cancellationToken = default);

    Task HoldOpenAsync(CancellationToken cancellationToken = default);

    Task ReleaseAsync(CancellationToken cancellationToken = default);
}
