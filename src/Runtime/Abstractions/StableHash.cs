using System.Text;

namespace ParkingGrains.Runtime;

/// <summary>FNV-1a over UTF-8 with a murmur finaliser: cheap, stable across processes, well spread on a ring.</summary>
public static class StableHash
{
    public static uint Compute(string value) => Finalise(Accumulate(2166136261u, value));

    public static uint Compute(string first, string second)
    {
        var hash = Accumulate(2166136261u, first);
        hash = (hash ^ '/') * 16777619u;
        return Finalise(Accumulate(hash, second));
    }

    private static uint Accumulate(uint hash, string value)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(value.Length) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(value, buffer)]
            : Encoding.UTF8.GetBytes(value);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private static uint Finalise(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
