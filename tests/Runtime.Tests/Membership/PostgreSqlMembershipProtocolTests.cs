using ParkingGrains.Runtime.Membership;
using Xunit.Abstractions;

namespace ParkingGrains.Runtime.Tests.Membership;

public sealed class PostgreSqlMembershipProtocolTests(ITestOutputHelper output) : DurableMembershipProtocolTests(output)
{
    protected override IMembershipTable CreateTable(string clusterId) => new PostgreSqlMembershipTable(TestServers.PostgreSql, clusterId);
}
