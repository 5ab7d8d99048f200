namespace ParkingGrains.Runtime;

/// <summary>Anything the runtime can address by id: grains and observers.</summary>
public interface IAddressable;
