namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Runs <see cref="AdminBootstrap"/> once the host has started (after the cluster client connected, or after the
/// co-hosted silo started), retrying while the cluster is not reachable yet. The bootstrap is resolved only then:
/// in a silo host the grain factory cannot be resolved before the silo has started.
/// </summary>
public sealed class AdminBootstrapService(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<AdminBootstrapService> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _run = RunAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    // Hosts may stop a service twice (WebApplicationFactory does), so stopping must be repeatable: the source
    // is cancelled, never disposed (it owns no timer, so nothing leaks).
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await services.GetRequiredService<AdminBootstrap>().EnsureAsync().WaitAsync(stopping);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Creating the admin user failed; retrying in {Delay}", delay);
            }

            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }
}
