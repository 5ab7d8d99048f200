using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.Grains.Lots;

namespace ParkingGrains.Grains.Tests.Lots;

public sealed class PlateNumberTests
{
    [Theory]
    [InlineData("51F-123.45", "51F12345")]
    [InlineData("51f 123 45", "51F12345")]
    [InlineData("  ab-c ", "ABC")]
    [InlineData("Đà-1", "ĐÀ1")]
    public void Normalize_DropsSeparatorsAndUppercases(string plate, string expected) =>
        Assert.Equal(expected, PlateNumber.Normalize(plate));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-.- ")]
    public void Normalize_OfNothingReadable_IsNull(string? plate) => Assert.Null(PlateNumber.Normalize(plate));

    [Fact]
    public void Normalize_OfANormalPlate_ReturnsTheSameString()
    {
        var plate = "51F12345";
        Assert.Same(plate, PlateNumber.Normalize(plate));
    }
}
