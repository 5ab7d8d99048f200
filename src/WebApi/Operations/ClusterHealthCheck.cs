using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ParkingGrains.WebApi.Operations;

/// <summary>Ready when a grain call goes through: the management grain lists the active silos.</summary>
internal sealed class ClusterHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Resolved per call: a silo co-hosting the web API has no usable grain factory before it has started.
            var grains = services.GetRequiredService<IGrainFactory>();
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)", new Dictionary<string, object> { ["activeSilos"] = hosts.Count })
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"The cluster did not answer: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
