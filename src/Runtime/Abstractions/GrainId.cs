using System.Text;

namespace ParkingGrains.Runtime;

/// <summary>Identity of a grain: its grain type (e.g. "lot") and its key (e.g. "LOT-1").</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public static GrainId Parse(string value)
    {
        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        }

        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    /// <summary>
    /// A hash that is identical in every process and on every machine (string.GetHashCode is randomised per
    /// process), so all silos agree on placement and reminder ownership.
    /// </summary>
    public uint GetUniformHashCode() => StableHash.Compute(Type, Key);

    public override string ToString() => $"{Type}/{Key}";
}
