using System.Net;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Health;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiFixture fixture)
{
    // The count is Orleans' membership view (IManagementGrain.GetHosts(onlyActive: true)) of the fixture's two silos.
    [Fact]
    public async Task TheWebHostReachesTheCluster_AndCountsItsActiveSilos()
    {
        var response = await fixture.CreateClient().GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"activeSilos\":2", await response.Content.ReadAsStringAsync());
    }
}
