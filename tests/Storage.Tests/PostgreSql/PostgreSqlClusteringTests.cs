using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using ParkingGrains.Storage.Hosting;
using ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

namespace ParkingGrains.Storage.Tests.PostgreSql;

/// <summary>
/// Two real silos (TCP on loopback, as deployed) clustering through our membership table, and a client finding them
/// through it. TestingHost's in-process cluster always uses its own in-memory membership, hence plain hosts here.
/// </summary>
[Collection(OrleansClusterCollection.Name)]
public sealed class PostgreSqlClusteringTests
{
    private const int Active = 3;

    [Fact]
    public async Task Two_silos_starting_together_form_a_cluster_that_a_client_reaches()
    {
        await using var db = await PostgreSqlTestDatabase.CreateAsync();
        var clusterId = $"pg-{Guid.NewGuid():N}";
        var silos = new[] { CreateSilo(db.ConnectionString, clusterId), CreateSilo(db.ConnectionString, clusterId) };
        IHost? client = null;
        try
        {
            // Together: both migrate the empty database and join at once.
            await Task.WhenAll(silos.Select(silo => silo.StartAsync()));

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await CountActiveAsync(db, clusterId) < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.Equal(2L, await CountActiveAsync(db, clusterId));
            Assert.True(await db.ScalarAsync<int>($"SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = '{clusterId}'") >= 2);

            client = CreateClient(db.ConnectionString, clusterId);
            await client.StartAsync();
            var grains = client.Services.GetRequiredService<IClusterClient>();
            Assert.StartsWith("S127.0.0.1", await grains.GetGrain<IPingGrain>(1).PingAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (client is not null)
            {
                await client.StopAsync();
                client.Dispose();
            }

            foreach (var silo in silos)
            {
                await silo.StopAsync();
                silo.Dispose();
            }
        }

        // A graceful stop marks each silo Dead (6) in the table.
        Assert.Equal(2L, await db.ScalarAsync<long>($"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = 6"));
    }

    private static Task<long> CountActiveAsync(PostgreSqlTestDatabase db, string clusterId) =>
        db.ScalarAsync<long>($"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = {Active}");

    private static IHost CreateSilo(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UsePostgreSqlClustering(connectionString)
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = clusterId;
            })
            .ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort()));
        return builder.Build();
    }

    private static IHost CreateClient(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UsePostgreSqlClustering(connectionString)
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = clusterId;
            }));
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
