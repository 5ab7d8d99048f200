using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using ParkingGrains.Grains.Interfaces.Calls;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Storage.Hosting;

namespace ParkingGrains.Bench.Gate;

/// <summary>
/// <c>Bench.dll gate-silo SERVICE_ID SILO_PORT GATEWAY_PORT</c>: the silo of <c>./bench.sh gate</c> in a process of its
/// own, so it can be killed (<c>kill -9</c>) and started again on the same ports and PostgreSQL state. Built as
/// <see cref="BenchSilo"/> builds it (the project's PostgreSQL grain storage, event log and reminders; the bench's
/// no-op grain for the baseline) with the product's call timeout and idempotent retry filter. Prints
/// <see cref="ReadyLine"/> once it serves its gateway.
/// </summary>
public static class GateSiloHost
{
    public const string ReadyLine = "gate silo ready";

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = Environment.GetEnvironmentVariable("PARKINGGRAINS_TEST_POSTGRES");
        if (args is not [var serviceId, var siloPortText, var gatewayPortText] || string.IsNullOrEmpty(postgres))
        {
            Console.Error.WriteLine("usage: gate-silo SERVICE_ID SILO_PORT GATEWAY_PORT (with PARKINGGRAINS_TEST_POSTGRES set)");
            return 2;
        }

        var siloPort = int.Parse(siloPortText, CultureInfo.InvariantCulture);
        var gatewayPort = int.Parse(gatewayPortText, CultureInfo.InvariantCulture);

        // The content root is the output folder (as BenchSilo's): the configuration watcher must not see PostgreSQL's files.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => (o.SingleLine, o.TimestampFormat, o.UseUtcTimestamp) = (true, "HH:mm:ss.fff ", true)).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new LotOptions());
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: serviceId)
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ClusterTimeouts.ResponseTimeout)
            .AddOutgoingGrainCallFilter<IdempotentRetryFilter>()
            .AddPostgreSqlGrainStorage("Default", postgres)
            .AddPostgreSqlEventLog("Default", postgres)
            .UsePostgreSqlReminders(postgres));
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine(ReadyLine);
        await host.WaitForShutdownAsync();
        return 0;
    }
}
