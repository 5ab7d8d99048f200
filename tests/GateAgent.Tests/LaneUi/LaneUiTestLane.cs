using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ParkingGrains.GateAgent.Devices;
using ParkingGrains.GateAgent.Journal;
using ParkingGrains.GateAgent.Lane;
using ParkingGrains.GateAgent.LaneUi;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Tariffs;
using ParkingGrains.PlateRecognition;

namespace ParkingGrains.GateAgent.Tests.LaneUi;

/// <summary>
/// A whole entry lane as the agent builds it (<see cref="LaneServices.AddLane"/>), with its UI on a free loopback port
/// and no cluster: the link never connects, so every vehicle is decided offline from a cached lot (10 free car places,
/// card <c>CARD-OK</c>). The plate reader is scripted (<see cref="Reads"/>); frames come from the simulated camera.
/// </summary>
public sealed class LaneUiTestLane : IAsyncDisposable
{
    public const string Password = "lane-ui-test-password";
    public static readonly DateTimeOffset CacheTime = DateTimeOffset.UtcNow;
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly IHost _host;
    private readonly string _directory;

    private LaneUiTestLane(IHost host, string directory, Uri address)
    {
        _host = host;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public ScriptedPlateReader Reads => _host.Services.GetRequiredService<ScriptedPlateReader>();

    public SimulatedCamera Camera => _host.Services.GetRequiredService<SimulatedCamera>();

    public IBarrier Barrier => _host.Services.GetRequiredService<IBarrier>();

    public LaneJournal Journal => _host.Services.GetRequiredService<LaneJournal>();

    public LaneUiState State => _host.Services.GetRequiredService<LaneUiState>();

    public static async Task<LaneUiTestLane> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pg-laneui-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new LaneOptions
        {
            GateId = "ui-in",
            Key = GateKeys.NewKey().Key,
            Gateways = "127.0.0.1:1",
            JournalPath = Path.Combine(directory, "lane.db"),
            Direction = GateDirection.In,
            CardReaderPort = 0,
            ReceiptFolder = Path.Combine(directory, "receipts"),
            BarrierOpenTime = TimeSpan.FromSeconds(30),
            Ui = new LaneUiOptions { Enabled = true, Urls = "http://127.0.0.1:0", Password = Password },
        };

        // The cache the lane decides from while the cluster is away, as a heartbeat would have left it.
        using (var journal = LaneJournal.Open(options.JournalPath, NullLogger.Instance))
        {
            journal.SaveCache(JsonSerializer.Serialize(Cache(), s_json), CacheTime);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddLane(options);
        builder.Services.AddSingleton<ScriptedPlateReader>();
        builder.Services.AddSingleton<IPlateReader>(sp => sp.GetRequiredService<ScriptedPlateReader>());

        // No cluster: the link is never started, so each call fails at once and the lane decides offline.
        builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(LaneHostedService)));
        var host = builder.Build();
        await host.StartAsync();
        var address = host.Services.GetRequiredService<LaneUiServer>().Addresses.Single();
        return new LaneUiTestLane(host, directory, new Uri(address));
    }

    /// <summary>A client with its own cookies; <paramref name="signedInAs"/> signs it in first.</summary>
    public async Task<HttpClient> ClientAsync(string? signedInAs = "ann", bool csrfHeader = true)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Address };
        if (csrfHeader)
        {
            client.DefaultRequestHeaders.Add(LaneUiEndpoints.RequestHeader, "1");
        }

        if (signedInAs is not null)
        {
            (await client.PostAsJsonAsync("/api/lane/login", new { name = signedInAs, password = Password })).EnsureSuccessStatusCode();
        }

        return client;
    }

    /// <summary>Captures a frame that the reader reads as <paramref name="read"/>, and waits until the UI has it.</summary>
    public async Task<long> ShowAsync(PlateRead read)
    {
        var before = State.Snapshot().Frame?.Id ?? 0;
        // The box where the camera drew the plate, as a reader would find it.
        Reads.Next(() => read with { Box = Camera.LastPlateBounds is var b && !b.IsEmpty ? new PlateBox(b.Left, b.Top, b.Width, b.Height) : read.Box });
        Camera.Capture(read.Display.Length > 0 ? read.Display : "??");
        await Devices.Wait.UntilAsync(() => State.Snapshot().Frame?.Id > before, "the frame reached the lane UI");
        return State.Snapshot().Frame!.Id;
    }

    public static PlateRead Read(string display, double confidence) =>
        new(new string([.. display.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant(), display, confidence, new PlateBox(400, 420, 220, 50), PlateFormat.Vietnamese, TimeSpan.FromMilliseconds(5));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leaked temp file must not fail the run.
        }
    }

    private static LaneCache Cache() => new("L1", "Test lot", "Europe/Berlin", GateDirection.In,
        new Tariff("EUR", [new VehicleClassRate(VehicleClass.Car, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 2.00m, TimeSpan.FromHours(1), 1.50m)]),
        new Dictionary<VehicleClass, int> { [VehicleClass.Car] = 10 }, PlateInsidePolicy.Deny,
        [new CardDefinition("CARD-OK", CardKind.Visitor, "Ann", [], ["L1"], CacheTime.AddDays(-1), CacheTime.AddDays(1), 0)],
        [], CacheTime);
}
