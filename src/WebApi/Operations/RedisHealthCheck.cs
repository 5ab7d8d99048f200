using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ParkingGrains.WebApi.Operations;

/// <summary>
/// Ready when Redis (ConnectionStrings:Redis, the membership table) answers a PING. One connection for the process's
/// lifetime, opened on the first check and reconnecting by itself.
/// </summary>
internal sealed class RedisHealthCheck(string connectionString) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"Redis did not answer: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(connectionString);
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
                _connection = await ConnectionMultiplexer.ConnectAsync(options);
            }

            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _connecting.Dispose();
    }
}
