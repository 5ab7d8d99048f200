namespace ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

[GenerateSerializer]
public enum JsonTestColor
{
    Red,
    Blue,
}
