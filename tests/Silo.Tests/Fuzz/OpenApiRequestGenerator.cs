using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkingGrains.Silo.Tests.Fuzz;

/// <summary>
/// Generates calls of every operation of the web API's own OpenAPI document: path and query parameters and JSON
/// bodies built from the declared schemas, with values drawn mostly from what exists (so calls reach the grains) and
/// otherwise from boundary and hostile values, plus wrong types, nulls and missing fields. Seeded: a failure names its
/// seed and can be replayed.
/// </summary>
public sealed class OpenApiRequestGenerator(JsonElement document, FuzzValuePools pools, int seed)
{
    private const int MaxDepth = 5;
    private readonly Random _random = new(seed);
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private long _eventNumber;

    /// <summary>Every (method, path template) the document declares.</summary>
    public IEnumerable<(string Method, string Template, JsonElement Operation)> Operations()
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is "get" or "post" or "put" or "patch" or "delete")
                {
                    yield return (operation.Name.ToUpperInvariant(), path.Name, operation.Value);
                }
            }
        }
    }

    public FuzzRequest Generate(string method, string template, JsonElement operation)
    {
        var path = template;
        var query = new List<string>();
        if (operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                var name = parameter.GetProperty("name").GetString()!;
                var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
                var value = ParameterValue(name, schema);
                switch (parameter.GetProperty("in").GetString())
                {
                    case "path":
                        path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
                        break;
                    case "query" when _random.Next(3) > 0:
                        query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                        break;
                }
            }
        }

        // A template parameter the document forgot to declare still gets a value.
        while (path.IndexOf('{', StringComparison.Ordinal) is var open and >= 0 && path.IndexOf('}', open) is var close and > 0)
        {
            var name = path[(open + 1)..close];
            path = path[..open] + Uri.EscapeDataString(ParameterValue(name, default)) + path[(close + 1)..];
        }

        string? body = null;
        if (operation.TryGetProperty("requestBody", out var requestBody)
            && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
            && json.TryGetProperty("schema", out var bodySchema))
        {
            body = _random.Next(25) switch
            {
                0 => "{",
                1 => "[]",
                2 => "null",
                _ => (Value(bodySchema, "body", 0) ?? JsonValue.Create((string?)null))?.ToJsonString() ?? "null",
            };
        }

        return new FuzzRequest(method, template, query.Count == 0 ? path : $"{path}?{string.Join('&', query)}", body);
    }

    private string ParameterValue(string name, JsonElement schema)
    {
        if (_random.Next(4) == 0)
        {
            return Pick(FuzzValuePools.HostileStrings);
        }

        if (pools.IdsFor(name) is { Count: > 0 } ids)
        {
            return Pick(ids);
        }

        var upper = name.ToUpperInvariant();
        if (upper is "FROM" or "TO" or "DAY" || (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) && f.GetString() is "date-time" or "date"))
        {
            return Pick(FuzzValuePools.Times(_now));
        }

        if (upper.Contains("EVENTID", StringComparison.Ordinal))
        {
            return NextEventId();
        }

        return Convert.ToString(Pick(FuzzValuePools.Numbers), CultureInfo.InvariantCulture) ?? "0";
    }

    private JsonNode? Value(JsonElement schema, string field, int depth)
    {
        schema = Resolve(schema);
        if (_random.Next(30) == 0)
        {
            return WrongType(schema);
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var choices = values.EnumerateArray().Select(v => v.ToString()).ToList();
            return _random.Next(6) == 0 ? JsonValue.Create("bogus") : JsonValue.Create(Pick(choices));
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            var branches = oneOf.EnumerateArray().ToList();
            var nonNull = branches.Where(b => !IsNullType(b)).ToList();
            return Value(nonNull.Count > 0 && _random.Next(8) > 0 ? Pick(nonNull) : Pick(branches), field, depth);
        }

        var types = Types(schema);
        if (types.Contains("null") && _random.Next(6) == 0)
        {
            return null;
        }

        var type = types.FirstOrDefault(t => t != "null" && t != "string") ?? types.FirstOrDefault(t => t != "null") ?? "object";
        if (type is "number" or "integer" && types.Contains("string") && _random.Next(2) == 0)
        {
            type = _random.Next(4) == 0 ? "string" : type;
        }

        return type switch
        {
            "object" when depth >= MaxDepth => new JsonObject(),
            "object" => ObjectValue(schema, depth),
            "array" when depth >= MaxDepth => new JsonArray(),
            "array" => ArrayValue(schema, field, depth),
            "integer" or "number" => NumberValue(),
            "boolean" => JsonValue.Create(_random.Next(2) == 0),
            _ => JsonValue.Create(StringValue(schema, field)),
        };
    }

    private JsonObject ObjectValue(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties))
        {
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
            foreach (var property in properties.EnumerateObject())
            {
                // Now and then a field is left out, required or not.
                if (_random.Next(required.Contains(property.Name) ? 20 : 4) == 0)
                {
                    continue;
                }

                result[property.Name] = Value(property.Value, property.Name, depth + 1);
            }
        }

        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            for (var i = _random.Next(4); i > 0; i--)
            {
                var key = _random.Next(3) == 0 ? Pick(FuzzValuePools.HostileStrings) : pools.GateIds.Count > 0 ? Pick(pools.GateIds) : "key";
                result[key] = Value(additional, key, depth + 1);
            }
        }

        return result;
    }

    private JsonArray ArrayValue(JsonElement schema, string field, int depth)
    {
        var result = new JsonArray();
        var count = _random.Next(12) switch
        {
            0 => 0,
            1 => 400,
            _ => 1 + _random.Next(3),
        };
        var items = schema.TryGetProperty("items", out var i) ? i : default;
        for (var n = 0; n < count; n++)
        {
            result.Add(items.ValueKind == JsonValueKind.Undefined ? JsonValue.Create(n) : Value(items, field, depth + 1));
        }

        return result;
    }

    private JsonNode NumberValue()
    {
        var value = Pick(FuzzValuePools.Numbers);
        return value switch
        {
            int n => JsonValue.Create(n),
            long n => JsonValue.Create(n),
            double d => JsonValue.Create(d),
            string s => JsonValue.Create(s),
            _ => JsonValue.Create(0),
        };
    }

    private string StringValue(JsonElement schema, string field)
    {
        var upper = field.ToUpperInvariant();
        if (schema.TryGetProperty("format", out var format) && format.GetString() is "date-time" or "date"
            || upper is "TIME" or "FROM" or "TO" or "AT" or "VALIDFROM" or "VALIDUNTIL" or "EXPIRES")
        {
            return Pick(FuzzValuePools.Times(_now));
        }

        if (_random.Next(5) == 0)
        {
            return Pick(FuzzValuePools.HostileStrings);
        }

        if (upper.Contains("EVENTID", StringComparison.Ordinal))
        {
            // Mostly fresh, sometimes repeated: retries must be answered with the first decision.
            return _random.Next(6) == 0 && _eventNumber > 0 ? $"fuzz-{_random.NextInt64(1, _eventNumber + 1)}" : NextEventId();
        }

        if (upper.Contains("PLATE", StringComparison.Ordinal))
        {
            return Pick(FuzzValuePools.Plates);
        }

        if (upper.Contains("CURRENCY", StringComparison.Ordinal))
        {
            return Pick(FuzzValuePools.Currencies);
        }

        if (upper.Contains("TIMEZONE", StringComparison.Ordinal))
        {
            return Pick(["Europe/Berlin", "Asia/Ho_Chi_Minh", "UTC", "Mars/Olympus"]);
        }

        if (pools.IdsFor(field) is { Count: > 0 } ids && _random.Next(4) > 0)
        {
            return Pick(ids);
        }

        return Pick(["fuzz", "Level 1", "P1", "operator check", "x"]);
    }

    private JsonNode? WrongType(JsonElement schema) => Types(schema).Contains("string")
        ? _random.Next(2) == 0 ? JsonValue.Create(12345) : new JsonArray(1, 2)
        : _random.Next(2) == 0 ? JsonValue.Create("wrong type") : new JsonObject { ["unexpected"] = true };

    private string NextEventId() => $"fuzz-{Interlocked.Increment(ref _eventNumber)}";

    private JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); i++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    private static List<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
        : [type.GetString()!];

    private bool IsNullType(JsonElement schema) => Types(Resolve(schema)) is ["null"];

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
