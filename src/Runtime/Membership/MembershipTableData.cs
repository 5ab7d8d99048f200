namespace ParkingGrains.Runtime.Membership;

public sealed record MembershipTableData(IReadOnlyList<MembershipRow> Rows, TableVersion Version)
{
    public MembershipRow? Find(SiloAddress silo) => Rows.FirstOrDefault(r => r.Entry.SiloAddress.Equals(silo));
}
