using JsonGrainStorageSerializer = ParkingGrains.Storage.GrainState.JsonGrainStorageSerializer;
using ParkingGrains.Storage.GrainState;

namespace ParkingGrains.Storage.Tests.PostgreSql;

/// <summary>The serializer the PostgreSQL grain storage is configured with (unit level: no database).</summary>
public sealed class JsonGrainStorageSerializerTests
{
    [Fact]
    public void Stored_json_reads_into_a_renamed_state_class()
    {
        var serializer = JsonGrainStorageSerializer.Default;

        var stored = serializer.Serialize(new StateBeforeRename { Name = "Gate A", Count = 3 });
        var read = serializer.Deserialize<StateAfterRename>(stored);

        Assert.Equal("""{"name":"Gate A","count":3}""", stored.ToString());
        Assert.Equal("Gate A", read!.Name);
        Assert.Equal(3, read.Count);
    }

    [Fact]
    public void Null_and_empty_payloads_read_as_a_new_state()
    {
        var serializer = JsonGrainStorageSerializer.Default;

        Assert.NotNull(serializer.Deserialize<StateAfterRename>(BinaryData.FromString("null")));
        Assert.NotNull(serializer.Deserialize<StateAfterRename>(BinaryData.Empty));
    }

    private sealed class StateBeforeRename
    {
        public string Name { get; set; } = "";

        public int Count { get; set; }
    }

    private sealed class StateAfterRename
    {
        public string Name { get; set; } = "";

        public int Count { get; set; }
    }
}
