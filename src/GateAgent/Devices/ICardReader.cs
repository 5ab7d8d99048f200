using System.Threading.Channels;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>A card reader: valid, debounced card ids in the order they were read.</summary>
public interface ICardReader : ILaneDevice
{
    ChannelReader<CardRead> Reads { get; }
}
