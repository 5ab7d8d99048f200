using System.Globalization;
using System.Net;

namespace ParkingGrains.Runtime;

/// <summary>
/// A silo's identity: the endpoint it listens on for silo-to-silo traffic plus a generation chosen at start.
/// A restarted silo on the same endpoint is a different silo; one declared dead never returns.
/// </summary>
public sealed record SiloAddress(IPEndPoint Endpoint, int Generation) : IComparable<SiloAddress>
{
    public static SiloAddress New(IPEndPoint endpoint) =>
        // Seconds since 2024 fit an int for decades and grow with every restart, as in Orleans.
        new(endpoint, (int)(DateTimeOffset.UtcNow - new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds);

    public static SiloAddress Parse(string value)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0)
        {
            throw new FormatException($"'{value}' is not a silo address of the form host:port@generation.");
        }

        return new SiloAddress(IPEndPoint.Parse(value[..at]), int.Parse(value[(at + 1)..], CultureInfo.InvariantCulture));
    }

    public uint GetUniformHashCode() => StableHash.Compute(ToString());

    public int CompareTo(SiloAddress? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    public bool Equals(SiloAddress? other) =>
        other is not null && Generation == other.Generation && Endpoint.Equals(other.Endpoint);

    public override int GetHashCode() => HashCode.Combine(Endpoint, Generation);

    public override string ToString() => $"{Endpoint}@{Generation.ToString(CultureInfo.InvariantCulture)}";
}
