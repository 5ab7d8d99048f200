using System.Text.Json;

namespace ParkingGrains.Storage.GrainState;

/// <summary>
/// Grain state as UTF-8 JSON with the project's <see cref="GrainStateSerializer"/> settings, for the Orleans storage
/// providers (AdoNet's <c>PayloadBinary</c>). No .NET type names are written, so a stored row survives renaming or
/// moving its state class, and unknown or missing fields are tolerated, so it survives adding or removing properties.
/// </summary>
public sealed class JsonGrainStorageSerializer(GrainStateSerializer serializer) : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options = (serializer ?? throw new ArgumentNullException(nameof(serializer))).Options;

    /// <summary>With <see cref="GrainStateSerializer.Default"/>.</summary>
    public static JsonGrainStorageSerializer Default { get; } = new(GrainStateSerializer.Default);

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, _options));

    // "null" (or an empty payload) reads as the state a new grain gets, as a missing row does.
    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.ToMemory();
        if (bytes.IsEmpty)
        {
            return GrainStateSerializer.CreateDefault<T>();
        }

        return JsonSerializer.Deserialize<T>(bytes.Span, _options) ?? GrainStateSerializer.CreateDefault<T>();
    }
}
