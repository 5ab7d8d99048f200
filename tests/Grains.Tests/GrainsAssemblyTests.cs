using ParkingGrains.Grains;

namespace ParkingGrains.Grains.Tests;

public sealed class GrainsAssemblyTests
{
    [Fact]
    public void GrainsAssembly_IsTheDomainAssembly() => Assert.Equal("ParkingGrains.Grains", GrainsAssembly.Assembly.GetName().Name);
}
