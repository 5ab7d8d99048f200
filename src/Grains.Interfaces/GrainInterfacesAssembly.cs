namespace ParkingGrains.Grains.Interfaces;

/// <summary>Names this assembly for registration (clients register its interfaces up front).</summary>
public static class GrainInterfacesAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(GrainInterfacesAssembly).Assembly;
}
