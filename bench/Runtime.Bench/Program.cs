using System.Globalization;
using System.Text.Json;
using Npgsql;
using ParkingGrains.Bench;
using ParkingGrains.Runtime;
using ParkingGrains.Runtime.Core;
using ParkingGrains.Runtime.Testing;

// ./bench.sh runtime — the runtime against bare baselines, side by side in one run (the machine is noisy, so
// only ratios measured together mean anything). Writes bench/results/runtime.json and prints a table.
var name = args.FirstOrDefault() ?? "runtime";
if (name is not ("runtime" or "checkin"))
{
    Console.Error.WriteLine($"unknown benchmark '{name}' (known: runtime, checkin)");
    return 2;
}

var seconds = double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "5", CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(seconds);
var postgres = Environment.GetEnvironmentVariable("PARKINGGRAINS_TEST_POSTGRES")
    ?? throw new InvalidOperationException("PARKINGGRAINS_TEST_POSTGRES is not set: run through ./bench.sh, which starts PostgreSQL.");
var folder = Environment.GetEnvironmentVariable("PARKINGGRAINS_BENCH_RESULTS") ?? Path.Combine("bench", "results");
Directory.CreateDirectory(folder);
await PostgresWarmup.RecycleWalAsync(postgres, megabytes: 512);
if (name == "checkin")
{
    var checkin = await CheckinBenchmark.RunAsync(postgres, duration);
    await File.WriteAllTextAsync(Path.Combine(folder, "checkin.json"), JsonSerializer.Serialize(checkin, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine();
    Console.WriteLine($"{"design",-44} {"vehicles/s",11} {"p50 ms @½",10} {"p99 ms @½",10} {"double bookings",16}");
    Console.WriteLine($"{"grains (1 silo, durable PostgreSQL)",-44} {checkin["grain_vehicles_per_s"],11:N0} {checkin["grain_p50_ms"],10:0.00} {checkin["grain_p99_ms"],10:0.00} {checkin["double_bookings_grain"],16:0}");
    Console.WriteLine($"{"SQL: txn per decision, FOR UPDATE SKIP LOCKED",-44} {checkin["baseline_vehicles_per_s"],11:N0} {checkin["baseline_p50_ms"],10:0.00} {checkin["baseline_p99_ms"],10:0.00} {checkin["double_bookings_baseline"],16:0}");
    Console.WriteLine($"ratio {checkin["ratio"]:0.00} (target ≥ 1.5); grain p99 at half of its peak {checkin["grain_p99_ms"]:0.00} ms (target < 25 ms)");
    return 0;
}

var results = new Dictionary<string, double>();
const int LocalConcurrency = 256;
const int RemoteConcurrency = 256;
const int PersistConcurrency = 64;

var options = new TestClusterOptions { InitialSiloCount = 1, ClusterId = "bench" };
options.GrainAssemblies.Add(typeof(NoOpGrain).Assembly);
options.ConfigureSilo = silo => silo.AddPostgreSqlGrainStorage("Default", postgres).Configure(o => o.ServiceId = $"bench-{Guid.NewGuid():N}");
await using var cluster = await TestCluster.StartAsync(options);
var inSilo = cluster.Silos[0].Client;

// 1. Local calls inside one silo vs a bare Channel hop.
var localGrains = Enumerable.Range(0, LocalConcurrency).Select(i => inSilo.GetGrain<INoOpGrain>($"local-{i}")).ToArray();
var local = await LoadRunner.RunAsync(LocalConcurrency, duration, async (w, i) => Check(await localGrains[w].Ping((int)i), i));
await using (var channel = new ChannelHopBaseline(LocalConcurrency))
{
    var baseline = await LoadRunner.RunAsync(LocalConcurrency, duration, async (w, i) => await channel.CallAsync(w, (int)i));
    Record("local", local, baseline);
}

// 2. Client → silo over loopback TCP vs a bare pipelined TCP ping-pong of the same frame size.
var remoteGrains = Enumerable.Range(0, RemoteConcurrency).Select(i => cluster.Client.GetGrain<INoOpGrain>($"remote-{i}")).ToArray();
var remote = await LoadRunner.RunAsync(RemoteConcurrency, duration, async (w, i) => Check(await remoteGrains[w].Ping((int)i), i));
var frameSize = RequestFrameSize(remoteGrains[0]);
await using (var tcp = new TcpPingPongBaseline(frameSize))
{
    await tcp.StartAsync();
    var baseline = await LoadRunner.RunAsync(RemoteConcurrency, duration, async (_, _) => await tcp.CallAsync());
    Record("remote", remote, baseline);
}

results["remote_frame_bytes"] = frameSize;

// 3. Durable grain writes to PostgreSQL vs a raw single-row UPDATE loop at the same concurrency.
var persistGrains = Enumerable.Range(0, PersistConcurrency).Select(i => inSilo.GetGrain<ICounterStoreGrain>($"persist-{i}")).ToArray();
var persist = await LoadRunner.RunAsync(PersistConcurrency, duration, async (w, i) => Check(await persistGrains[w].Store(i), i));
await VerifyStoredAsync(postgres, persistGrains.Length);
var rawBaseline = await RawUpdateBaselineAsync(postgres, PersistConcurrency, duration);
Record("persist", persist, rawBaseline);

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
};

await File.WriteAllTextAsync(Path.Combine(folder, "runtime.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));

Console.WriteLine();
Console.WriteLine($"{"scenario",-34} {"ours/s",12} {"baseline/s",12} {"ratio",7} {"p50 µs",9} {"p99 µs",9} {"base p99",9}");
foreach (var (scenario, label, target) in new[]
{
    ("local", "no-op call in one silo vs Channel", "≥ 300,000/s"),
    ("remote", "client→silo TCP vs bare TCP echo", "≥ 50,000/s, ratio ≥ 0.5"),
    ("persist", "PostgreSQL write vs raw UPDATE", "ratio ≥ 0.7"),
})
{
    Console.WriteLine(
        $"{label,-34} {results[$"{scenario}_per_s"],12:N0} {results[$"{scenario}_baseline_per_s"],12:N0} {results[$"{scenario}_ratio"],7:0.00} " +
        $"{results[$"{scenario}_p50_us"],9:N0} {results[$"{scenario}_p99_us"],9:N0} {results[$"{scenario}_baseline_p99_us"],9:N0}   target {target}");
}

return 0;

// Every reply is checked, so a fast number can never come from calls that did nothing.
static void Check(long actual, long expected)
{
    if (actual != (int)expected && actual != expected)
    {
        throw new InvalidOperationException($"Benchmark call returned {actual}, expected {expected}.");
    }
}

// The durable rows must hold what the grains acknowledged.
static async Task VerifyStoredAsync(string connectionString, int grains)
{
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    await using var command = dataSource.CreateCommand("SELECT count(*) FROM grain_state WHERE grain_type = 'counterstore' AND payload IS NOT NULL");
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

static int RequestFrameSize(INoOpGrain grain)
{
    // The exact bytes a Ping(int) request occupies on the wire, so the TCP baseline moves the same amount.
    var registry = new GrainInterfaceRegistry();
    var method = registry.Get(typeof(INoOpGrain)).Methods.Single();
    var codec = new ParkingGrains.Runtime.Messaging.MessageCodec(registry, new JsonSerializerOptions(), 1 << 20);
    var frame = codec.EncodeRequest(new Message { Target = grain.GetGrainId(), Method = method, Arguments = [123456], Timeout = TimeSpan.FromSeconds(30) });
    var length = frame.Length;
    frame.Return();
    return length;
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
