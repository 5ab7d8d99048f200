namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// The membership table's global version. Every change writes Version+1 conditioned on the ETag read, so two
/// silos that both read version N cannot both commit a change (the Orleans membership protocol).
/// </summary>
public sealed record TableVersion(int Version, string ETag)
{
    public TableVersion Next() => this with { Version = Version + 1 };
}
