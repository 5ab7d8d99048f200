using ParkingGrains.Runtime.Membership;

namespace ParkingGrains.Runtime.Tests.Membership;

public sealed class PostgreSqlMembershipTableTests : MembershipTableContractTests
{
    protected override IMembershipTable CreateTable(string clusterId) => new PostgreSqlMembershipTable(TestServers.PostgreSql, clusterId);
}
