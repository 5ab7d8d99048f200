using System.Globalization;
using System.Text.Json;
using Npgsql;
using ParkingGrains.Bench;

// ./bench.sh runtime — a profile of the Orleans engine against bare baselines, side by side in one run (the machine is
// noisy, so only ratios measured together mean anything): no pass/fail targets. Writes bench/results/runtime.json.
// ./bench.sh checkin — the parking decision path against a SQL design (bench/results/checkin.json).
// ./bench.sh cluster — the check-in load over REST through 3 silos and a web API vs 1 co-hosted silo (cluster.json).
// ./bench.sh activation [events] — how fast a lot with a long history (default 1,000,000 events) activates (activation.json).
// ./bench.sh plates — plate recognition accuracy and ms per image on generated fixtures, no servers (plates.json).
// ./bench.sh gate — decision latency at the lane, offline decisions and replay, the agent's start-up and memory (gate.json).
var name = args.FirstOrDefault() ?? "runtime";
if (name == "gate-silo")
{
    // The gate benchmark's silo, a child process it can kill.
    return await ParkingGrains.Bench.Gate.GateSiloHost.RunAsync(args[1..]);
}

if (name is not ("runtime" or "checkin" or "cluster" or "activation" or "plates" or "gate"))
{
    Console.Error.WriteLine($"unknown benchmark '{name}' (known: runtime, checkin, cluster, activation, plates, gate)");
    return 2;
}

if (name == "plates")
{
    var platesFolder = Environment.GetEnvironmentVariable("PARKINGGRAINS_BENCH_RESULTS") ?? Path.Combine("bench", "results");
    Directory.CreateDirectory(platesFolder);
    return await ParkingGrains.Bench.Plates.PlatesBenchmark.RunAsync(platesFolder, LoadAverage());
}

var seconds = double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "5", CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(seconds);
var postgres = Environment.GetEnvironmentVariable("PARKINGGRAINS_TEST_POSTGRES")
    ?? throw new InvalidOperationException("PARKINGGRAINS_TEST_POSTGRES is not set: run through ./bench.sh, which starts PostgreSQL.");
var folder = Environment.GetEnvironmentVariable("PARKINGGRAINS_BENCH_RESULTS") ?? Path.Combine("bench", "results");
Directory.CreateDirectory(folder);
await PostgresWarmup.RecycleWalAsync(postgres, megabytes: 512);
// The numbers only mean something on a quiet machine: the load before the run is printed and stored beside them.
var loadAverage = LoadAverage();
Console.WriteLine($"load average (1 min) before the run: {loadAverage:0.00} on {Environment.ProcessorCount} processors");
if (name == "checkin")
{
    var checkin = await CheckinBenchmark.RunAsync(postgres, duration);
    checkin["load_average_1m"] = loadAverage;
    checkin["processor_count"] = Environment.ProcessorCount;
    await File.WriteAllTextAsync(Path.Combine(folder, "checkin.json"), JsonSerializer.Serialize(checkin, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine();
    Console.WriteLine($"{"design",-46} {"vehicles/s",11} {"p50 ms @½",10} {"p99 ms @½",10} {"peak p99",9} {"double bookings",16} {"peak RSS MB",12}");
    Console.WriteLine($"{"grains (Orleans, 1 silo, durable PostgreSQL)",-46} {checkin["grain_vehicles_per_s"],11:N0} {checkin["grain_p50_ms"],10:0.00} {checkin["grain_p99_ms"],10:0.00} {checkin["grain_peak_p99_ms"],9:0.00} {checkin["double_bookings_grain"],16:0} {checkin["grain_peak_rss_mb"],12:N0}");
    Console.WriteLine($"{"SQL: txn per decision, FOR UPDATE SKIP LOCKED",-46} {checkin["baseline_vehicles_per_s"],11:N0} {checkin["baseline_p50_ms"],10:0.00} {checkin["baseline_p99_ms"],10:0.00} {checkin["baseline_peak_p99_ms"],9:0.00} {checkin["double_bookings_baseline"],16:0} {checkin["baseline_peak_rss_mb"],12:N0}");
    var passed = checkin["ratio"] >= 2.5 && checkin["grain_p99_ms"] < 25 && checkin["double_bookings_grain"] == 0 && checkin["double_bookings_baseline"] == 0;
    Console.WriteLine($"ratio {checkin["ratio"]:0.00} (target ≥ 2.5); grain p99 at half of its peak {checkin["grain_p99_ms"]:0.00} ms (target < 25 ms); " +
        $"double bookings {checkin["double_bookings_grain"]:0} (target 0) → {(passed ? "PASS" : "FAIL")}");
    return 0;
}

if (name == "activation")
{
    ProcessMemory.ResetPeak();
    var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    var activation = await ActivationBenchmark.RunAsync(postgres, events);
    activation["load_average_1m"] = loadAverage;
    activation["processor_count"] = Environment.ProcessorCount;
    await File.WriteAllTextAsync(Path.Combine(folder, "activation.json"), JsonSerializer.Serialize(activation, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine();
    Console.WriteLine($"lot with {activation["events"]:N0} events: activation {activation["activation_with_snapshot_ms"]:N0} ms from its snapshot " +
        $"vs {activation["activation_full_replay_ms"]:N0} ms replaying everything (ratio {activation["ratio"]:0.0}); target < 2,000 ms; peak RSS {activation["peak_rss_mb"]:N0} MB");
    return 0;
}

if (name == "cluster")
{
    return await ClusterBenchmark.RunAsync(postgres, duration, folder, loadAverage);
}

if (name == "gate")
{
    return await ParkingGrains.Bench.Gate.GateBenchmark.RunAsync(postgres, folder, loadAverage);
}

var results = new Dictionary<string, double>();
const int LocalConcurrency = 256;
const int RemoteConcurrency = 256;
const int PersistConcurrency = 64;

ProcessMemory.ResetPeak();
await using var silo = await BenchSilo.StartAsync(postgres, $"bench-{Guid.NewGuid():N}"[..20]);
var inSilo = silo.Grains;
var client = await silo.ConnectClientAsync();
var rss = new Dictionary<string, double>();

// 1. Calls inside the silo's process (local messages, no network) vs a bare Channel hop.
var localGrains = Enumerable.Range(0, LocalConcurrency).Select(i => inSilo.GetGrain<INoOpGrain>($"local-{i}")).ToArray();
var local = await LoadRunner.RunAsync(LocalConcurrency, duration, async (w, i) => Check(await localGrains[w].Ping((int)i), i));
await using (var channel = new ChannelHopBaseline(LocalConcurrency))
{
    var baseline = await LoadRunner.RunAsync(LocalConcurrency, duration, async (w, i) => await channel.CallAsync(w, (int)i));
    Record("local", local, baseline);
    rss["local"] = ProcessMemory.PeakMegabytes();
}

// 2. An Orleans client → the silo's gateway over loopback TCP vs a bare pipelined TCP ping-pong whose frames are as
// large as the messages Orleans sent (measured from its own message-size histogram during the run).
ProcessMemory.ResetPeak();
var remoteGrains = Enumerable.Range(0, RemoteConcurrency).Select(i => client.GetGrain<INoOpGrain>($"remote-{i}")).ToArray();
LoadResult remote;
int frameSize;
using (var probe = new MessageSizeProbe())
{
    remote = await LoadRunner.RunAsync(RemoteConcurrency, duration, async (w, i) => Check(await remoteGrains[w].Ping((int)i), i));
    frameSize = probe.MeanBytes > 0 ? probe.MeanBytes : 64;
    Console.WriteLine($"Orleans sent {probe.Messages:N0} messages, {probe.MeanBytes} bytes each on average (0 = not measured: baseline uses 64)");
}

await using (var tcp = new TcpPingPongBaseline(frameSize))
{
    await tcp.StartAsync();
    var baseline = await LoadRunner.RunAsync(RemoteConcurrency, duration, async (_, _) => await tcp.CallAsync());
    Record("remote", remote, baseline);
    rss["remote"] = ProcessMemory.PeakMegabytes();
}

results["remote_frame_bytes"] = frameSize;

// 3. Durable grain state writes (Orleans AdoNet grain storage on PostgreSQL) vs a raw Npgsql single-row UPDATE loop.
ProcessMemory.ResetPeak();
var persistGrains = Enumerable.Range(0, PersistConcurrency).Select(i => inSilo.GetGrain<ICounterStoreGrain>($"persist-{i}")).ToArray();
var persist = await LoadRunner.RunAsync(PersistConcurrency, duration, async (w, i) => Check(await persistGrains[w].Store(i), i));
await VerifyStoredAsync(postgres, silo.ServiceId, persistGrains.Length);
var rawBaseline = await RawUpdateBaselineAsync(postgres, PersistConcurrency, duration);
Record("persist", persist, rawBaseline);
rss["persist"] = ProcessMemory.PeakMegabytes();

var json = new Dictionary<string, double>
{
    ["local_calls_per_s"] = results["local_per_s"],
    ["local_baseline_per_s"] = results["local_baseline_per_s"],
    ["local_ratio"] = results["local_ratio"],
    ["local_p50_us"] = results["local_p50_us"],
    ["local_p99_us"] = results["local_p99_us"],
    ["local_baseline_p50_us"] = results["local_baseline_p50_us"],
    ["local_baseline_p99_us"] = results["local_baseline_p99_us"],
    ["remote_calls_per_s"] = results["remote_per_s"],
    ["remote_baseline_per_s"] = results["remote_baseline_per_s"],
    ["remote_ratio"] = results["remote_ratio"],
    ["remote_p50_us"] = results["remote_p50_us"],
    ["remote_p99_us"] = results["remote_p99_us"],
    ["remote_baseline_p99_us"] = results["remote_baseline_p99_us"],
    ["remote_frame_bytes"] = frameSize,
    ["persist_writes_per_s"] = results["persist_per_s"],
    ["persist_baseline_per_s"] = results["persist_baseline_per_s"],
    ["persist_ratio"] = results["persist_ratio"],
    ["persist_p50_us"] = results["persist_p50_us"],
    ["persist_p99_us"] = results["persist_p99_us"],
    ["persist_baseline_p99_us"] = results["persist_baseline_p99_us"],
    ["local_concurrency"] = LocalConcurrency,
    ["remote_concurrency"] = RemoteConcurrency,
    ["persist_concurrency"] = PersistConcurrency,
    ["seconds_per_run"] = seconds,
    ["processor_count"] = Environment.ProcessorCount,
    ["load_average_1m"] = loadAverage,
    ["local_peak_rss_mb"] = rss["local"],
    ["remote_peak_rss_mb"] = rss["remote"],
    ["persist_peak_rss_mb"] = rss["persist"],
};

await File.WriteAllTextAsync(Path.Combine(folder, "runtime.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));

Console.WriteLine();
Console.WriteLine($"{"Orleans engine profile",-40} {"Orleans/s",12} {"baseline/s",12} {"ratio",7} {"p50 µs",9} {"p99 µs",9} {"base p99",9} {"peak RSS MB",12}");
foreach (var (scenario, label) in new[]
{
    ("local", "in-silo call vs Channel hop"),
    ("remote", "client→silo (TCP) vs bare TCP echo"),
    ("persist", "state write vs raw Npgsql UPDATE"),
})
{
    Console.WriteLine(
        $"{label,-40} {results[$"{scenario}_per_s"],12:N0} {results[$"{scenario}_baseline_per_s"],12:N0} {results[$"{scenario}_ratio"],7:0.00} " +
        $"{results[$"{scenario}_p50_us"],9:N0} {results[$"{scenario}_p99_us"],9:N0} {results[$"{scenario}_baseline_p99_us"],9:N0} {rss[scenario],12:N0}");
}

Console.WriteLine("(a profile, not a test: ratio = Orleans / baseline throughput measured side by side; peak RSS is of this process, silo included)");
return 0;

static double LoadAverage()
{
    try
    {
        return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        return -1;
    }
}

// Every reply is checked, so a fast number can never come from calls that did nothing.
static void Check(long actual, long expected)
{
    if (actual != (int)expected && actual != expected)
    {
        throw new InvalidOperationException($"Benchmark call returned {actual}, expected {expected}.");
    }
}

// The durable rows must hold what the grains acknowledged.
static async Task VerifyStoredAsync(string connectionString, string serviceId, int grains)
{
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    await using var command = dataSource.CreateCommand("SELECT count(*) FROM OrleansStorage WHERE ServiceId = $1 AND PayloadBinary IS NOT NULL");
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
    var rows = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    if (rows < grains)
    {
        throw new InvalidOperationException($"Only {rows} of {grains} benchmark grains have durable state.");
    }

    await using var settings = dataSource.CreateCommand("SELECT current_setting('fsync') || '/' || current_setting('synchronous_commit')");
    Console.WriteLine($"PostgreSQL fsync/synchronous_commit: {await settings.ExecuteScalarAsync()}");
}

void Record(string scenario, LoadResult ours, LoadResult baseline)
{
    results[$"{scenario}_per_s"] = Math.Round(ours.PerSecond);
    results[$"{scenario}_p50_us"] = Math.Round(ours.P50Microseconds, 1);
    results[$"{scenario}_p99_us"] = Math.Round(ours.P99Microseconds, 1);
    results[$"{scenario}_baseline_per_s"] = Math.Round(baseline.PerSecond);
    results[$"{scenario}_baseline_p50_us"] = Math.Round(baseline.P50Microseconds, 1);
    results[$"{scenario}_baseline_p99_us"] = Math.Round(baseline.P99Microseconds, 1);
    results[$"{scenario}_ratio"] = Math.Round(ours.PerSecond / baseline.PerSecond, 3);
}

static async Task<LoadResult> RawUpdateBaselineAsync(string connectionString, int concurrency, TimeSpan duration)
{
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    await using (var setup = dataSource.CreateCommand(
        "CREATE TABLE IF NOT EXISTS bench_rows (id int PRIMARY KEY, value bigint NOT NULL); " +
        "INSERT INTO bench_rows SELECT g, 0 FROM generate_series(0, 1023) g ON CONFLICT DO NOTHING;"))
    {
        await setup.ExecuteNonQueryAsync();
    }

    var connections = new NpgsqlConnection[concurrency];
    var commands = new NpgsqlCommand[concurrency];
    for (var i = 0; i < concurrency; i++)
    {
        connections[i] = await dataSource.OpenConnectionAsync();
        commands[i] = new NpgsqlCommand("UPDATE bench_rows SET value = $1 WHERE id = $2", connections[i]);
        commands[i].Parameters.Add(new NpgsqlParameter<long> { TypedValue = 0 });
        commands[i].Parameters.Add(new NpgsqlParameter<int> { TypedValue = i });
        await commands[i].PrepareAsync();
    }

    try
    {
        return await LoadRunner.RunAsync(concurrency, duration, async (w, i) =>
        {
            ((NpgsqlParameter<long>)commands[w].Parameters[0]).TypedValue = i;
            await commands[w].ExecuteNonQueryAsync();
        });
    }
    finally
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }
}
