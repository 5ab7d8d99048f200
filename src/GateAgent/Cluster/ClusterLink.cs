using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using ParkingGrains.GateAgent.Lane;
using ParkingGrains.Grains.Interfaces.Calls;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.GateAgent.Cluster;

/// <summary>
/// The lane's connection to the cluster: an Orleans client over the static gateway list, started in the background so
/// the lane works from its first second even when the cluster is down, and rebuilt when it has failed for a while.
/// Every call carries the gate's key and has a deadline; a call that misses it is <see cref="ClusterUnavailableException"/>.
/// </summary>
public sealed class ClusterLink(LaneOptions options, IGateAgentObserver observer, ILoggerFactory loggers) : IAsyncDisposable
{
    private static readonly TimeSpan s_rebuildAfter = TimeSpan.FromSeconds(20);
    private readonly ILogger _logger = loggers.CreateLogger<ClusterLink>();
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IHost? _host;
    private CancellationTokenSource? _hostLifetime;
    private Task? _starting;
    private IClusterClient? _client;
    private IGateAgentObserver? _observerReference;
    private long _failingSinceTicks;

    /// <summary>True after the last call answered, false after the last call failed or before the first connection.</summary>
    public bool Connected { get; private set; }

    public double? LastRoundTripMilliseconds { get; private set; }

    /// <summary>The observer reference for heartbeats (null until connected).</summary>
    public IGateAgentObserver? ObserverReference => _observerReference;

    /// <summary>
    /// Starts the client if none is starting (it keeps retrying the gateways in the background, with backoff, until it
    /// connects or is dropped), then waits for the connection until <paramref name="cancellation"/>; giving up the wait
    /// does not stop the connecting.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellation)
    {
        if (_starting is { IsFaulted: true } or { IsCanceled: true })
        {
            // A start that gave up (not one that is still retrying) is replaced by a new client.
            await DropClientAsync();
        }

        Task starting;
        await _connecting.WaitAsync(cancellation);
        try
        {
            if (_starting is null)
            {
                var host = BuildHost();
                var lifetime = new CancellationTokenSource();
                (_host, _hostLifetime) = (host, lifetime);
                _starting = StartClientAsync(host, lifetime.Token);
            }

            starting = _starting;
        }
        finally
        {
            _connecting.Release();
        }

        await starting.WaitAsync(cancellation);
    }

    private async Task StartClientAsync(IHost host, CancellationToken lifetime)
    {
        await host.StartAsync(lifetime);
        var client = host.Services.GetRequiredService<IClusterClient>();
        _observerReference = client.CreateObjectReference<IGateAgentObserver>(observer);
        _client = client;
        _logger.LogInformation("Connected to cluster {ClusterId} through {Gateways} as gate {GateId}", options.ClusterId, options.Gateways, options.GateId);
    }

    /// <summary>
    /// Calls the lane's gate grain with the gate's key and the deadline. With <paramref name="failFast"/> (a car waiting)
    /// a link whose last call failed is not tried again: the car is decided at once, and the heartbeat finds the cluster
    /// when it is back.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<IGateGrain, Task<T>> call, TimeSpan deadline, CancellationToken cancellation, bool failFast = false)
    {
        if (_client is not { } client)
        {
            throw new ClusterUnavailableException("Not connected to the cluster yet.");
        }

        if (failFast && Interlocked.Read(ref _failingSinceTicks) != 0)
        {
            throw new ClusterUnavailableException("The cluster did not answer the last call.");
        }

        GateAgentCredential.Attach(options.Key);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call(client.GetGrain<IGateGrain>(options.GateId)).WaitAsync(deadline, cancellation);
            LastRoundTripMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Connected = true;
            Interlocked.Exchange(ref _failingSinceTicks, 0);
            return result;
        }
        catch (Exception exception) when (exception is InvalidCommandException or UnauthorizedGateAgentException or OperationCanceledException && cancellation.IsCancellationRequested)
        {
            // The cluster answered: bad input, a wrong key or our own shutdown are not an outage.
            Connected = exception is not OperationCanceledException;
            throw;
        }
        catch (Exception exception)
        {
            Connected = false;
            Interlocked.CompareExchange(ref _failingSinceTicks, Environment.TickCount64, 0);
            _logger.LogDebug(exception, "Cluster call failed");
            throw new ClusterUnavailableException($"The cluster did not answer within {deadline.TotalMilliseconds:0} ms.", exception);
        }
    }

    /// <summary>As <see cref="CallAsync{T}"/> for calls without a result.</summary>
    public Task CallAsync(Func<IGateGrain, Task> call, TimeSpan deadline, CancellationToken cancellation) =>
        CallAsync(async gate =>
        {
            await call(gate);
            return true;
        }, deadline, cancellation);

    /// <summary>Drops a client that has failed for a while, so the next <see cref="ConnectAsync"/> starts afresh.</summary>
    public async Task RebuildIfStaleAsync()
    {
        var failingSince = Interlocked.Read(ref _failingSinceTicks);
        if (_host is null || failingSince == 0 || Environment.TickCount64 - failingSince < s_rebuildAfter.TotalMilliseconds)
        {
            return;
        }

        _logger.LogWarning("The cluster has not answered for {Seconds:0} s: reconnecting", s_rebuildAfter.TotalSeconds);
        await DropClientAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DropClientAsync();
        _connecting.Dispose();
    }

    private async Task DropClientAsync()
    {
        await _connecting.WaitAsync();
        try
        {
            var host = _host;
            var lifetime = _hostLifetime;
            _host = null;
            _hostLifetime = null;
            _starting = null;
            _client = null;
            _observerReference = null;
            Connected = false;
            Interlocked.Exchange(ref _failingSinceTicks, 0);
            if (lifetime is not null)
            {
                await lifetime.CancelAsync();
                lifetime.Dispose();
            }

            if (host is not null)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await host.StopAsync(stop.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or OrleansException)
                {
                    _logger.LogDebug(exception, "Stopping the cluster client");
                }

                host.Dispose();
            }
        }
        finally
        {
            _connecting.Release();
        }
    }

    private IHost BuildHost()
    {
        var gateways = options.Gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPEndPoint.Parse).ToArray();
        var attempts = 0;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(loggers);
        builder.Services.AddLogging();
        builder.UseOrleansClient(client => client
            .UseStaticClustering(gateways)
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId ?? options.ClusterId))
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClusterTimeouts.ResponseTimeout)

            // A silo that comes back is found again within seconds, not the default minute.
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2))
            .UseConnectionRetryFilter(async (_, cancellation) =>
            {
                // 1 s, 2 s, 4 s … up to 10 s between attempts: a long outage is a log line every 10 s, not every second.
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, 1 << Math.Min(attempts++, 4))), cancellation);
                return true;
            })
            .AddOutgoingGrainCallFilter<IdempotentRetryFilter>());
        return builder.Build();
    }
}
