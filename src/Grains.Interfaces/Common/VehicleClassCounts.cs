using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Orleans;

namespace ParkingGrains.Grains.Interfaces;

/// <summary>
/// A count for every vehicle class (zero included), immutable. Every decision carries one and a lot remembers
/// thousands of decisions for idempotency, so it is four integers rather than a hash table; on the wire it is the
/// same JSON object as any dictionary. Grain calls carry it through <see cref="VehicleClassCountsConverter"/> as
/// the plain array of counts, so it crosses a silo as itself even where it is typed as a dictionary.
/// </summary>
[Immutable]
public sealed class VehicleClassCounts : IReadOnlyDictionary<VehicleClass, int>, IEquatable<VehicleClassCounts>
{
    private static readonly VehicleClass[] s_classes = Enum.GetValues<VehicleClass>();
    private readonly int[] _counts;

    private VehicleClassCounts(int[] counts) => _counts = counts;

    public static VehicleClassCounts Empty { get; } = new(new int[s_classes.Length]);

    public int Count => s_classes.Length;

    public IEnumerable<VehicleClass> Keys => s_classes;

    public IEnumerable<int> Values => _counts;

    public int this[VehicleClass key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"{key} is not a vehicle class.");

    /// <summary>Copies <paramref name="counts"/>, indexed by <see cref="VehicleClass"/> value.</summary>
    public static VehicleClassCounts From(ReadOnlySpan<int> counts)
    {
        var copy = new int[s_classes.Length];
        counts[..Math.Min(counts.Length, copy.Length)].CopyTo(copy);
        return new VehicleClassCounts(copy);
    }

    /// <summary>These counts with <paramref name="delta"/> added to one class.</summary>
    public VehicleClassCounts Add(VehicleClass vehicleClass, int delta)
    {
        var copy = (int[])_counts.Clone();
        copy[IndexOf(vehicleClass)] += delta;
        return new VehicleClassCounts(copy);
    }

    public bool ContainsKey(VehicleClass key) => (uint)key < (uint)_counts.Length;

    public bool TryGetValue(VehicleClass key, [MaybeNullWhen(false)] out int value)
    {
        var known = ContainsKey(key);
        value = known ? _counts[(int)key] : 0;
        return known;
    }

    public IEnumerator<KeyValuePair<VehicleClass, int>> GetEnumerator()
    {
        foreach (var vehicleClass in s_classes)
        {
            yield return new KeyValuePair<VehicleClass, int>(vehicleClass, _counts[(int)vehicleClass]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(VehicleClassCounts? other) => other is not null && _counts.AsSpan().SequenceEqual(other._counts);

    public override bool Equals(object? obj) => Equals(obj as VehicleClassCounts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var count in _counts)
        {
            hash.Add(count);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", this.Select(pair => $"{pair.Key}: {pair.Value}"));

    private int IndexOf(VehicleClass vehicleClass) =>
        ContainsKey(vehicleClass) ? (int)vehicleClass : throw new ArgumentOutOfRangeException(nameof(vehicleClass), vehicleClass, "Unknown vehicle class.");
}
