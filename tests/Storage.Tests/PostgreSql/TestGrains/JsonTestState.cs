namespace ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

/// <summary>Stored by the JSON grain storage serializer only, so it needs no Orleans serializer attributes.</summary>
public sealed class JsonTestState
{
    public string Name { get; set; } = "";

    public int Count { get; set; }

    public JsonTestColor Color { get; set; }
}
