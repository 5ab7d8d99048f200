using System.Threading.Channels;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>The bounded single-reader channel every device reports through.</summary>
internal static class DeviceChannel
{
    /// <summary>
    /// Drops the oldest item when nobody reads: a lane that stopped reading must not grow the agent's memory, and the
    /// newest frame, read or transition is the one that matters.
    /// </summary>
    public static Channel<T> Create<T>(int capacity) =>
        Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
}
