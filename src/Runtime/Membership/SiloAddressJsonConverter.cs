using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParkingGrains.Runtime.Membership;

/// <summary>Writes a <see cref="SiloAddress"/> as its string form (host:port@generation), readable by people and SQL.</summary>
public sealed class SiloAddressJsonConverter : JsonConverter<SiloAddress>
{
    public override SiloAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a silo address string but found {reader.TokenType}.");
        }

        try
        {
            return SiloAddress.Parse(reader.GetString()!);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, SiloAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
