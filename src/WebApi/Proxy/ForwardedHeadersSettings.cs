using System.Globalization;
using System.Net;

namespace ParkingGrains.WebApi.Proxy;

/// <summary>
/// Configuration section "Web:ForwardedHeaders": the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are
/// believed. Off unless <c>KnownProxies</c> or <c>KnownNetworks</c> lists something; each is a JSON array or one
/// comma-separated string (<c>Web__ForwardedHeaders__KnownNetworks=10.0.0.0/8,fd00::/8</c>).
/// </summary>
public sealed record ForwardedHeadersSettings(IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<System.Net.IPNetwork> KnownNetworks, int? ForwardLimit)
{
    public const string Section = "Web:ForwardedHeaders";

    /// <summary>The settings, or null when no proxy is trusted (forwarded headers are then ignored). Malformed entries throw.</summary>
    public static ForwardedHeadersSettings? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = List(section, "KnownProxies").Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{value}' is not an IP address.")).ToList();
        var networks = List(section, "KnownNetworks").Select(value => System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{value}' is not a network in CIDR notation (e.g. 10.0.0.0/8).")).ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return null;
        }

        int? limit = null;
        if (section["ForwardLimit"] is { Length: > 0 } text)
        {
            limit = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new InvalidOperationException($"{Section}:ForwardLimit: '{text}' is not a positive number.");
        }

        return new ForwardedHeadersSettings(proxies, networks, limit);
    }

    private static IEnumerable<string> List(IConfigurationSection section, string key)
    {
        var entry = section.GetSection(key);
        var values = entry.Value is { } single ? [single] : entry.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
