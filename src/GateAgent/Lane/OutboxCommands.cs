using System.Text.Json;

namespace ParkingGrains.GateAgent.Lane;

/// <summary>Commands as the outbox stores them (JSON, web defaults: the same shapes the REST API shows).</summary>
public static class OutboxCommands
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T command) => JsonSerializer.Serialize(command, s_json);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, s_json) ?? throw new JsonException($"Empty {typeof(T).Name} in the outbox.");
}
