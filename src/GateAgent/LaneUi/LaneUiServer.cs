using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Lane;

namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>
/// Kestrel inside the agent, serving the lane UI on <see cref="LaneUiOptions.Urls"/>: a small web host of its own (the
/// bare minimum: Kestrel and routing, no configuration sources, no static-file or auth stacks) beside the lane, so the
/// agent stays a generic host and the lane never waits on it. A port that cannot be bound is logged and the lane goes on
/// without its UI: cars must still get through.
/// </summary>
public sealed class LaneUiServer(LaneOptions options, LaneUiState state, LaneOperator lane, LaneUiSessions sessions, TimeProvider time, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private const long MaxRequestBodyBytes = 16 * 1024;
    private readonly ILogger _logger = loggers.CreateLogger<LaneUiServer>();
    private WebApplication? _app;

    /// <summary>Where the UI listens (with the ports actually bound), empty until started or when it could not bind.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton(loggers);
        builder.Services.AddLogging();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().UseUrls(options.Ui.Urls).ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxConcurrentConnections = 64;
        });
        var app = builder.Build();
        LaneUiEndpoints.Map(app, state, lane, sessions, options.Ui, time, _logger);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException cannotBind)
        {
            _logger.LogError(cannotBind, "The lane UI could not listen on {Urls}: the lane goes on without it", options.Ui.Urls);
            await app.DisposeAsync();
            return;
        }

        _app = app;
        Addresses = [.. app.Urls];
        _logger.LogInformation("Lane UI for gate {GateId} on {Urls}", options.GateId, string.Join(", ", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.DisposeAsync();
        }
    }
}
