using ParkingGrains.Runtime.Membership;

namespace ParkingGrains.Runtime.Tests.Membership;

public sealed class RedisMembershipTableTests : MembershipTableContractTests
{
    protected override IMembershipTable CreateTable(string clusterId) => new RedisMembershipTable(TestServers.Redis, clusterId);
}
