namespace ParkingGrains.Grains.Interfaces;

/// <summary>Vehicle size class; slots have the same classes, ordered from smallest to largest.</summary>
public enum VehicleClass
{
    Motorcycle = 0,
    Car = 1,
    Van = 2,
    Bus = 3,
}
