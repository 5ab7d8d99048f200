namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// A request's If-Match header: absent, "*" (any current version), or the versions (ETags from a GET) the caller's
/// change was based on.
/// </summary>
internal readonly record struct IfMatch(bool Present, bool Any, IReadOnlyList<long> Versions)
{
    public static IfMatch Absent { get; } = new(false, false, []);

    /// <summary>True when the caller named the exact version it read (not absent, not "*").</summary>
    public bool IsSpecific => Present && !Any;

    public bool Matches(long version) => !Present || Any || Versions.Contains(version);
}
