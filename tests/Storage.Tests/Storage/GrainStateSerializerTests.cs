using ParkingGrains.Storage.GrainState;

namespace ParkingGrains.Storage.Tests.Storage;

public sealed class GrainStateSerializerTests
{
    private readonly GrainStateSerializer _serializer = GrainStateSerializer.Default;

    [Fact]
    public void Writes_camel_case_names_and_enums_as_strings()
    {
        var json = _serializer.Serialize(new TestState { Plate = "51A", Status = TestSlotStatus.OutOfService });

        Assert.Contains("\"plate\":\"51A\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"outOfService\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fields_keep_defaults_and_unknown_fields_are_ignored()
    {
        var state = _serializer.Deserialize<TestState>("""{"count":4,"removedLongAgo":{"x":1}}""");

        Assert.Equal(4, state.Count);
        Assert.Null(state.Plate);
        Assert.Empty(state.Tags);
        Assert.Equal(TestSlotStatus.Free, state.Status);
    }

    [Fact]
    public void Reads_enums_written_as_numbers_or_any_case()
    {
        Assert.Equal(TestSlotStatus.Occupied, _serializer.Deserialize<TestState>("""{"status":1}""").Status);
        Assert.Equal(TestSlotStatus.OutOfService, _serializer.Deserialize<TestState>("""{"Status":"OutOfService"}""").Status);
    }

    [Fact]
    public void Default_options_can_be_extended_into_a_new_serializer()
    {
        var options = GrainStateSerializer.CreateDefaultOptions();
        options.WriteIndented = true;

        var json = new GrainStateSerializer(options).Serialize(new TestState());

        Assert.Contains('\n', json);
        Assert.DoesNotContain('\n', _serializer.Serialize(new TestState()));
    }

    [Fact]
    public void Null_json_gives_the_default_instance()
    {
        Assert.NotNull(_serializer.Deserialize<TestState>("null"));
    }
}
