using System.Threading.Channels;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>The induction loop under the barrier: whether a vehicle is over it.</summary>
public interface IVehicleLoop : ILaneDevice
{
    bool Present { get; }

    /// <summary>Each change of presence (arrived / cleared), in order.</summary>
    ChannelReader<VehiclePresence> Presence { get; }
}
