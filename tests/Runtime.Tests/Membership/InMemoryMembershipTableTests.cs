using ParkingGrains.Runtime.Membership;

namespace ParkingGrains.Runtime.Tests.Membership;

public sealed class InMemoryMembershipTableTests : MembershipTableContractTests
{
    // One instance per cluster id, as a process hosting several clusters would have.
    private readonly Dictionary<string, InMemoryMembershipTable> _tables = [];

    protected override IMembershipTable CreateTable(string clusterId) =>
        _tables.TryGetValue(clusterId, out var table) ? table : _tables[clusterId] = new InMemoryMembershipTable();
}
