using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParkingGrains.Storage.GrainState;

/// <summary>
/// Turns grain state into JSON text and back. camelCase, enums as strings, unknown fields ignored and missing
/// fields left at their defaults, so a state class can gain or lose properties without a data migration.
/// </summary>
public sealed class GrainStateSerializer
{
    public GrainStateSerializer(JsonSerializerOptions? options = null)
    {
        Options = options ?? CreateDefaultOptions();
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    /// <summary>The serializer every provider uses when none is given.</summary>
    public static GrainStateSerializer Default { get; } = new();

    public JsonSerializerOptions Options { get; }

    /// <summary>The default settings, as a fresh mutable instance the runtime can extend (converters, resolvers).</summary>
    public static JsonSerializerOptions CreateDefaultOptions() => new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: true) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,

        // PostgreSQL jsonb re-orders keys (shortest first), so a polymorphic "$type" may not come first when read back.
        AllowOutOfOrderMetadataProperties = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string Serialize<T>(T state) => JsonSerializer.Serialize(state, Options);

    public T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? CreateDefault<T>();

    /// <summary>The state a grain sees when nothing is stored: a new instance when T has a parameterless constructor.</summary>
    public static T CreateDefault<T>()
    {
        var type = typeof(T);
        if (type.IsValueType || (!type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null))
        {
            return Activator.CreateInstance<T>();
        }

        return default!;
    }
}
