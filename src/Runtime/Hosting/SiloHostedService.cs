using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.Runtime.Hosting;

/// <summary>Runs the silo inside a generic host; if the cluster declares the silo dead, the process stops with exit code 1.</summary>
internal sealed class SiloHostedService(Silo silo, IHostApplicationLifetime lifetime, ILogger<SiloHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await silo.StartAsync(cancellationToken);
        _ = silo.Stopped.ContinueWith(
            _ =>
            {
                if (silo.WasDeclaredDead)
                {
                    logger.LogCritical("Stopping the process: this silo was declared dead and must not keep serving");
                    Environment.ExitCode = 1;
                    lifetime.StopApplication();
                }
            },
            TaskScheduler.Default);
    }

    public Task StopAsync(CancellationToken cancellationToken) => silo.StopAsync(cancellationToken);
}
