using System.Collections.Immutable;

namespace ParkingGrains.Runtime;

/// <summary>
/// Ambient key/value pairs that travel with every grain call made from the current flow (e.g. the caller's user
/// or gate identity, a correlation id), like Orleans' RequestContext. Values are strings so they cross the wire as-is.
/// </summary>
public static class RequestContext
{
    private static readonly AsyncLocal<ImmutableDictionary<string, string>?> s_current = new();

    public static string? Get(string key) => s_current.Value is { } values && values.TryGetValue(key, out var value) ? value : null;

    public static void Set(string key, string value) =>
        s_current.Value = (s_current.Value ?? ImmutableDictionary<string, string>.Empty).SetItem(key, value);

    public static void Remove(string key)
    {
        if (s_current.Value is { } values)
        {
            s_current.Value = values.Remove(key);
        }
    }

    public static void Clear() => s_current.Value = null;

    internal static ImmutableDictionary<string, string>? Export() => s_current.Value is { Count: > 0 } values ? values : null;

    internal static void Import(ImmutableDictionary<string, string>? values) => s_current.Value = values;
}
