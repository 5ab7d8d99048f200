using System.Threading.Channels;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>The motor relay of a barrier: raise or lower the boom; its limit switches report the end positions.</summary>
public interface IBarrierRelay : ILaneDevice
{
    ChannelReader<BarrierMotion> Motions { get; }

    Task RaiseAsync(CancellationToken cancellationToken = default);

    Task LowerAsync(CancellationToken cancellationToken = default);
}
