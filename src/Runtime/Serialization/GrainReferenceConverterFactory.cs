using System.Text.Json;
using System.Text.Json.Serialization;
using ParkingGrains.Runtime.Core;

namespace ParkingGrains.Runtime.Serialization;

/// <summary>Grain and observer references cross the wire as their grain id and become proxies again on arrival.</summary>
internal sealed class GrainReferenceConverterFactory(RuntimeClientBase runtime) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsInterface && typeof(IAddressable).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), runtime)!;

    private sealed class Converter<T>(RuntimeClientBase runtime) : JsonConverter<T>
        where T : class, IAddressable
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : (T)runtime.GetReference(GrainId.Parse(reader.GetString()!), typeof(T));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.GetGrainId().ToString());
    }
}
