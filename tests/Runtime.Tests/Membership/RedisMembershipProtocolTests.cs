using ParkingGrains.Runtime.Membership;
using Xunit.Abstractions;

namespace ParkingGrains.Runtime.Tests.Membership;

public sealed class RedisMembershipProtocolTests(ITestOutputHelper output) : DurableMembershipProtocolTests(output)
{
    protected override IMembershipTable CreateTable(string clusterId) => new RedisMembershipTable(TestServers.Redis, clusterId);
}
