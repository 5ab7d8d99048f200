using System.Globalization;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Runtime;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Lots;
using Xunit.Abstractions;

namespace ParkingGrains.Silo.Tests;

/// <summary>
/// Three real silo processes with Redis membership and PostgreSQL state, the web API as its own process, and an
/// Orleans client of the test; a unique cluster/service id and a unique lot per test, so tests never share data.
/// </summary>
public sealed class FailoverCluster : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly List<HostProcess> _silos = [];
    private HostProcess? _web;
    private IHost? _client;
    private RestApi? _api;
    private int _started;

    private FailoverCluster(ITestOutputHelper output, string clusterId, TempFolder folder)
    {
        _output = output;
        ClusterId = clusterId;
        Folder = folder;
        Settings = new Dictionary<string, string>
        {
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = clusterId,
            ["Cluster:Membership"] = "Redis",
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Redis"] = TestServers.Redis,
            ["ConnectionStrings:PostgreSql"] = TestServers.PostgreSql,
            // The lot's reservation reminder ticks every second (Orleans must allow such a short period).
            ["Lots:ReservationCheckPeriod"] = "00:00:01",
            ["Silo:MinimumReminderPeriod"] = "00:00:01",
            ["Auth:AdminPassword"] = RestApi.AdminPassword,
            ["Auth:KeysPath"] = Path.Combine(folder.Path, "keys"),
        };
    }

    public string ClusterId { get; }

    public TempFolder Folder { get; }

    public Dictionary<string, string> Settings { get; }

    public IReadOnlyList<HostProcess> Silos => _silos;

    public IClusterClient Client => _client!.Client();

    public RestApi Api => _api!;

    public static async Task<FailoverCluster> StartAsync(ITestOutputHelper output, string prefix)
    {
        var cluster = new FailoverCluster(output, TestLots.UniqueId(prefix), new TempFolder());
        try
        {
            // The first silo migrates the PostgreSQL schema; the others join it together.
            await cluster.StartSiloAsync();
            await Task.WhenAll(cluster.StartSiloAsync(), cluster.StartSiloAsync());
            cluster._client = await ClusterClients.ConnectRedisAsync(cluster.ClusterId, TestServers.Redis);
            await cluster.WaitForActiveSilosAsync(3);

            var webUrl = $"http://127.0.0.1:{PortAllocator.Next()}";
            cluster._web = await HostProcess.StartWebApiAsync(new Dictionary<string, string>(cluster.Settings) { ["Web:Urls"] = webUrl });
            cluster._api = await RestApi.ConnectAsync(webUrl, activeSilos: 3);
            cluster.Log($"3 silos and the web API at {webUrl} are up");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task<HostProcess> StartSiloAsync()
    {
        var name = $"silo{Interlocked.Increment(ref _started)}";
        var silo = await HostProcess.StartSiloAsync(name, Settings);
        lock (_silos)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    public Task WaitForActiveSilosAsync(int count, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(async () => (await Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count == count,
            timeout ?? TimeSpan.FromSeconds(60), $"{count} active silos");

    /// <summary>
    /// Configures a fresh lot that is hosted by the silo which also owns its reminders (Orleans partitions reminders
    /// over the silos' consistent ring, independent of where the grain is placed), so killing the host kills both.
    /// </summary>
    public async Task<string> ConfigureLotOnItsReminderOwnerAsync(int cars)
    {
        var management = Client.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var lotId = TestLots.UniqueId("ft");
            var lot = Client.GetGrain<ILotGrain>(lotId);
            // Configure applies the layout whatever is there, so a call that timed out (a cold cluster) may be repeated.
            var configured = await Eventually.ReturnsAsync(() => lot.Configure(TestLots.Layout(lotId, cars), TestLots.Tariff()), r => r.Applied,
                TimeSpan.FromSeconds(60), $"lot {lotId} is configured");
            var host = await management.GetActivationAddress(lot);
            var silos = (await management.GetHosts(onlyActive: true)).Keys.ToList();
            if (host is not null && host.Equals(ReminderOwner(silos, lot.GetGrainId())))
            {
                // The gates are assigned to the lot as part of its configuration; wait until the entry gate knows it.
                await Eventually.TrueAsync(async () => (await Client.GetGrain<Grains.Interfaces.Gates.IGateGrain>($"{lotId}-in").GetStatus()).LotId == lotId,
                    TimeSpan.FromSeconds(20), "the entry gate is assigned to the lot");
                Log($"lot {lotId} is hosted by {host}, which also owns its reminders");
                return lotId;
            }
        }

        throw new InvalidOperationException("No lot landed on its reminder owner in 30 attempts.");
    }

    /// <summary>The silo process hosting <paramref name="grain"/> now.</summary>
    public async Task<HostProcess> HostOfAsync(IAddressable grain)
    {
        var host = await Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain) ?? throw new InvalidOperationException("The grain is not active.");
        lock (_silos)
        {
            return _silos.Single(s => !s.HasExited && s.SiloPort == host.Endpoint.Port);
        }
    }

    /// <summary>Every acknowledged decision is in the SQL history; no slot holds two stays; the counts add up.</summary>
    public async Task VerifyAsync(string lotId, GateTraffic traffic)
    {
        var entered = new HashSet<string>();
        var exited = new HashSet<string>();
        await using (var connection = new NpgsqlConnection(TestServers.PostgreSql))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT kind, payload->>'eventId' FROM event_log WHERE service_id = $1 AND grain_type = 'lot' AND grain_key = $2 AND kind IN ('VehicleEntered', 'VehicleExited')",
                connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClusterId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = lotId });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                (reader.GetString(0) == "VehicleEntered" ? entered : exited).Add(reader.GetString(1));
            }
        }

        var missingEntries = traffic.Entries.Keys.Where(e => !entered.Contains(e)).ToList();
        var missingExits = traffic.Exits.Keys.Where(e => !exited.Contains(e)).ToList();
        Log($"history: {entered.Count} entries and {exited.Count} exits in event_log; acknowledged {traffic.Entries.Count} entries and {traffic.Exits.Count} exits");
        Assert.True(missingEntries.Count == 0, $"{missingEntries.Count} acknowledged entries are not in event_log: {string.Join(", ", missingEntries.Take(10))}");
        Assert.True(missingExits.Count == 0, $"{missingExits.Count} acknowledged exits are not in event_log: {string.Join(", ", missingExits.Take(10))}");

        var expected = traffic.Entries.Values.Except(traffic.Exits.Values).Order().ToList();
        var sessions = await Client.GetGrain<ILotGrain>(lotId).GetActiveSessions(null);
        Assert.Equal(sessions.Count, sessions.Select(s => s.SlotId).Distinct().Count());
        Assert.Equal(traffic.Entries.Count - traffic.Exits.Count, sessions.Count);
        Assert.Equal(expected, sessions.Select(s => s.SessionId).Order().ToList());

        var rest = (await Api.SessionsAsync(lotId)).EnumerateArray().ToList();
        Assert.Equal(rest.Count, rest.Select(s => s.GetProperty("slotId").GetString()).Distinct().Count());
        Assert.Equal(expected, rest.Select(s => s.GetProperty("sessionId").GetString()!).Order().ToList());
    }

    public void Log(string line)
    {
        var text = $"[{ClusterId} {DateTime.UtcNow:HH:mm:ss.fff}] {line}";
        Console.WriteLine(text);
        _output.WriteLine(text);
    }

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (_client is not null)
        {
            try
            {
                await _client.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                // the client of a torn-down cluster may not stop cleanly
            }

            _client.Dispose();
        }

        var logs = Path.Combine(Path.GetTempPath(), "parkinggrains-silo-tests", ClusterId);
        Directory.CreateDirectory(logs);
        if (_web is not null)
        {
            await _web.DisposeAsync();
            await File.WriteAllTextAsync(Path.Combine(logs, "web.log"), _web.Output);
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
            await File.WriteAllTextAsync(Path.Combine(logs, $"{silo.Name}.log"), silo.Output);
        }

        Log($"process output: {logs}");

        Folder.Dispose();
    }

    /// <summary>Orleans' VirtualBucketsRingProvider: 30 buckets per silo, a hash belongs to the first bucket at or after it.</summary>
    private static SiloAddress ReminderOwner(IReadOnlyList<SiloAddress> silos, GrainId grainId)
    {
        var hash = grainId.GetUniformHashCode();
        var buckets = silos.SelectMany(s => s.GetUniformHashCodes(30).Select(h => (Hash: h, Silo: s))).OrderBy(b => b.Hash).ToList();
        return buckets.FirstOrDefault(b => b.Hash >= hash).Silo ?? buckets[0].Silo;
    }

    internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

}
