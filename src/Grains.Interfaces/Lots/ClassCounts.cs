namespace ParkingGrains.Grains.Interfaces.Lots;

public sealed record ClassCounts(int Total, int Free, int Occupied, int Held, int OutOfService);
