using System.Globalization;

namespace ParkingGrains.Storage.GrainState;

/// <summary>ETags of the SQL and memory providers are the row version as an invariant decimal string.</summary>
internal static class GrainStorageETag
{
    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Null for a null ETag; throws <see cref="InconsistentStateException"/> for one no version can match.</summary>
    public static long? Parse(string? eTag, GrainId grainId, string stateName)
    {
        if (eTag is null)
        {
            return null;
        }

        if (long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            return version;
        }

        throw new InconsistentStateException(
            $"ETag '{eTag}' of state '{stateName}' of {grainId} was not issued by this storage.", storedEtag: null, currentEtag: eTag);
    }
}
