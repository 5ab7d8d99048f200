namespace ParkingGrains.Grains;

/// <summary>Names this assembly so a silo can load its grain classes.</summary>
public static class GrainsAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(GrainsAssembly).Assembly;
}
