namespace ParkingGrains.PlateRecognition.Tests;

[CollectionDefinition(Name)]
public sealed class PlateReaderCollection : ICollectionFixture<PlateReaderFixture>
{
    public const string Name = "plate reader";
}
