using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParkingGrains.Bench;

/// <summary>
/// ./bench.sh cluster: the check-in load of <see cref="CheckinBenchmark"/> (entry then exit per lane, 4 lots × 16
/// lanes), driven over REST (POST /api/gates/{gate}/entry|exit with an admin token) against two deployments of the
/// real processes, one after the other: 3 <c>ParkingGrains.Silo</c> processes (Redis membership) behind a separate
/// <c>ParkingGrains.WebApi</c> process, and 1 silo process co-hosting the web API (Web:Enabled). Both use PostgreSQL
/// storage (fsync on). Reports vehicles/s at peak, p50/p99 at half of that peak, peak RSS of the processes, the scaling
/// ratio and double bookings (audited from the event log). Paths of the two dlls come from bench.sh.
/// </summary>
public static class ClusterBenchmark
{
    private const string Password = "bench-admin-password-1";
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(string postgres, TimeSpan duration, string folder, double loadAverage)
    {
        var siloDll = Environment.GetEnvironmentVariable("PARKINGGRAINS_BENCH_SILO_DLL");
        var webDll = Environment.GetEnvironmentVariable("PARKINGGRAINS_BENCH_WEBAPI_DLL");
        var redis = Environment.GetEnvironmentVariable("PARKINGGRAINS_TEST_REDIS");
        if (!File.Exists(siloDll) || !File.Exists(webDll) || string.IsNullOrEmpty(redis))
        {
            Console.Error.WriteLine("cluster: PARKINGGRAINS_BENCH_SILO_DLL, PARKINGGRAINS_BENCH_WEBAPI_DLL and PARKINGGRAINS_TEST_REDIS must be set (./bench.sh cluster does).");
            return 2;
        }

        var logs = Path.Combine(Path.GetTempPath(), $"parkinggrains-bench-cluster-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(logs);
        Console.WriteLine($"cluster: process logs in {logs}");

        var single = await RunSetupAsync("single", logs, duration, postgres, (id, web) =>
        [
            Silo(siloDll, id, postgres, null, 0, new() { ["Web__Enabled"] = "true", ["Web__Urls"] = web }),
        ]);
        var cluster = await RunSetupAsync("cluster", logs, duration, postgres, (id, web) =>
        [
            Silo(siloDll, id, postgres, redis, 0, []),
            Silo(siloDll, id, postgres, redis, 1, []),
            Silo(siloDll, id, postgres, redis, 2, []),
            WebApi(webDll, id, postgres, redis, web),
        ]);

        var results = new Dictionary<string, double>
        {
            ["cluster_vehicles_per_s"] = cluster.VehiclesPerSecond,
            ["single_vehicles_per_s"] = single.VehiclesPerSecond,
            ["scaling_ratio"] = Math.Round(cluster.VehiclesPerSecond / single.VehiclesPerSecond, 3),
            ["cluster_p50_ms"] = cluster.P50,
            ["cluster_p99_ms"] = cluster.P99,
            ["single_p50_ms"] = single.P50,
            ["single_p99_ms"] = single.P99,
            ["cluster_peak_p50_ms"] = cluster.PeakP50,
            ["cluster_peak_p99_ms"] = cluster.PeakP99,
            ["single_peak_p50_ms"] = single.PeakP50,
            ["single_peak_p99_ms"] = single.PeakP99,
            ["double_bookings"] = cluster.DoubleBookings + single.DoubleBookings,
            ["cluster_peak_rss_mb"] = cluster.PeakRssMegabytes,
            ["single_peak_rss_mb"] = single.PeakRssMegabytes,
            ["silos_in_cluster"] = 3,
            ["lots"] = CheckinBenchmark.Lots,
            ["gates"] = CheckinBenchmark.Lots * CheckinBenchmark.LanesPerLot * 2,
            ["seconds_per_run"] = duration.TotalSeconds,
            ["processor_count"] = Environment.ProcessorCount,
            ["load_average_1m"] = loadAverage,
        };
        await File.WriteAllTextAsync(Path.Combine(folder, "cluster.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));

        Console.WriteLine();
        Console.WriteLine($"{"setup (REST, durable PostgreSQL)",-44} {"vehicles/s",11} {"p50 ms @½",10} {"p99 ms @½",10} {"peak p99",9} {"double bookings",16} {"peak RSS MB",12}");
        foreach (var (label, r) in new[] { ("3 silo processes + separate web API", cluster), ("1 silo co-hosting the web API", single) })
        {
            Console.WriteLine($"{label,-44} {r.VehiclesPerSecond,11:N0} {r.P50,10:0.00} {r.P99,10:0.00} {r.PeakP99,9:0.00} {r.DoubleBookings,16:0} {r.PeakRssMegabytes,12:N0}");
        }

        Console.WriteLine($"scaling ratio (3 silos / 1 silo) {results["scaling_ratio"]:0.00} on {Environment.ProcessorCount} processors (all processes share this machine)");
        return 0;
    }

    private sealed record SetupResult(double VehiclesPerSecond, double P50, double P99, double PeakP50, double PeakP99, double DoubleBookings, double PeakRssMegabytes);

    private sealed record ProcessSpec(string Name, string Dll, Dictionary<string, string> Environment, string? HealthUrl);

    private static ProcessSpec Silo(string dll, string id, string postgres, string? redis, int index, Dictionary<string, string> extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["Cluster__ClusterId"] = id,
            ["Cluster__ServiceId"] = id,
            ["Cluster__Membership"] = redis is null ? "Localhost" : "Redis",
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__PostgreSql"] = postgres,
            ["Silo__SiloName"] = $"bench-silo-{index}",
            ["Silo__SiloPort"] = BenchSilo.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo__GatewayPort"] = BenchSilo.FreePort().ToString(CultureInfo.InvariantCulture),
        };
        if (redis is not null)
        {
            environment["ConnectionStrings__Redis"] = redis;
        }

        string? health = null;
        if (!extra.ContainsKey("Web__Enabled"))
        {
            health = $"http://127.0.0.1:{BenchSilo.FreePort()}";
            environment["Silo__HealthUrls"] = health;
        }

        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return new ProcessSpec($"silo-{index}", dll, environment, health is null ? null : $"{health}/health");
    }

    private static ProcessSpec WebApi(string dll, string id, string postgres, string redis, string web) => new("webapi", dll, new()
    {
        ["Cluster__ClusterId"] = id,
        ["Cluster__ServiceId"] = id,
        ["Cluster__Membership"] = "Redis",
        ["ConnectionStrings__Redis"] = redis,
        ["Storage__Provider"] = "PostgreSql",
        ["ConnectionStrings__PostgreSql"] = postgres,
        ["Web__Urls"] = web,
    }, null);

    private static async Task<SetupResult> RunSetupAsync(string setup, string logs, TimeSpan duration, string postgres, Func<string, string, ProcessSpec[]> describe)
    {
        var id = $"bench-{setup}-{Guid.NewGuid():N}"[..24];
        var web = $"http://127.0.0.1:{BenchSilo.FreePort()}";
        var specs = describe(id, web);
        var processes = new List<(ProcessSpec Spec, Process Process)>();
        try
        {
            foreach (var spec in specs)
            {
                spec.Environment["Auth__AdminPassword"] = Password;
                spec.Environment["Auth__KeysPath"] = Path.Combine(logs, $"{setup}-keys");
                spec.Environment["Logging__LogLevel__Default"] = "Warning";
                processes.Add((spec, Start(spec, Path.Combine(logs, $"{setup}-{spec.Name}.log"))));
            }

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri(web),
                Timeout = TimeSpan.FromSeconds(60),
            };
            await WaitReadyAsync(setup, http, processes, logs);
            var token = await LoginAsync(http);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            for (var l = 0; l < CheckinBenchmark.Lots; l++)
            {
                using var response = await http.PutAsJsonAsync($"/api/lots/{CheckinBenchmark.LotId(l)}/configuration",
                    new { Layout = CheckinBenchmark.Layout(l), Tariff = CheckinBenchmark.FreeTariff() }, s_json);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{setup}: configuring lot {l} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }

            var lanes = CheckinBenchmark.Lots * CheckinBenchmark.LanesPerLot;
            var tickets = new string?[lanes];
            var run = Guid.NewGuid().ToString("N")[..6];
            long command = 0;
            ValueTask Decision(int lane, long i) => DecisionAsync(http, tickets, lane, $"{run}-{Interlocked.Increment(ref command)}");
            Console.WriteLine($"{setup}: {processes.Count} processes up, load running");
            var peak = await LoadRunner.RunAsync(lanes, duration, Decision, warmup: TimeSpan.FromSeconds(3));
            var half = await LoadRunner.RunAsync(lanes, duration, Decision, pacing: TimeSpan.FromSeconds(lanes / (peak.PerSecond / 2)));
            var rss = processes.Sum(p => ProcessMemory.PeakMegabytes(p.Process.Id));
            return new SetupResult(
                Math.Round(peak.PerSecond / 2),
                Math.Round(half.P50Microseconds / 1000, 2),
                Math.Round(half.P99Microseconds / 1000, 2),
                Math.Round(peak.P50Microseconds / 1000, 2),
                Math.Round(peak.P99Microseconds / 1000, 2),
                await CheckinBenchmark.GrainDoubleBookingsAsync(postgres, id),
                Math.Round(rss, 1));
        }
        finally
        {
            foreach (var (_, process) in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }

                process.Dispose();
            }
        }
    }

    private static Process Start(ProcessSpec spec, string log)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(spec.Dll);
        info.WorkingDirectory = Path.GetDirectoryName(spec.Dll)!;
        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {spec.Name}");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(string setup, HttpClient http, List<(ProcessSpec Spec, Process Process)> processes, string logs)
    {
        var deadline = Stopwatch.StartNew();
        var pending = processes.Select(p => p.Spec.HealthUrl).OfType<string>().ToHashSet();
        while (true)
        {
            if (processes.FirstOrDefault(p => p.Process.HasExited) is { Spec: not null } dead)
            {
                throw new InvalidOperationException($"{setup}: {dead.Spec.Name} exited with {dead.Process.ExitCode}; see {logs}");
            }

            foreach (var url in pending.ToArray())
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(url));
                    if (response.IsSuccessStatusCode)
                    {
                        pending.Remove(url);
                    }
                }
                catch (HttpRequestException)
                {
                }
            }

            if (pending.Count == 0)
            {
                try
                {
                    using var login = await http.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = Password });
                    if (login.IsSuccessStatusCode)
                    {
                        // Let the membership settle so every silo takes its share of the grains.
                        await Task.Delay(TimeSpan.FromSeconds(processes.Count > 1 ? 5 : 1));
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"{setup}: not ready after 3 minutes; see {logs}");
            }

            await Task.Delay(500);
        }
    }

    private static async Task<string> LoginAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString() ?? throw new InvalidOperationException("login answered no accessToken");
    }

    private static async ValueTask DecisionAsync(HttpClient http, string?[] tickets, int lane, string eventId)
    {
        var lot = CheckinBenchmark.LotId(lane % CheckinBenchmark.Lots);
        var number = lane / CheckinBenchmark.Lots;
        if (tickets[lane] is not { } ticket)
        {
            using var entry = await http.PostAsJsonAsync($"/api/gates/{lot}-in{number}/entry", new { eventId, plate = CheckinBenchmark.PlateOf(lane, eventId), vehicleClass = "Car" });
            using var decision = await ReadAsync(entry);
            tickets[lane] = decision.RootElement.GetProperty("allowed").GetBoolean()
                ? decision.RootElement.GetProperty("ticket").GetString()
                : throw new InvalidOperationException($"Entry refused: {decision.RootElement}");
            return;
        }

        using var exit = await http.PostAsJsonAsync($"/api/gates/{lot}-out{number}/exit", new { eventId, ticket });
        using var exitDecision = await ReadAsync(exit);
        tickets[lane] = exitDecision.RootElement.GetProperty("open").GetBoolean() ? null : throw new InvalidOperationException($"Exit refused: {exitDecision.RootElement}");
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text)
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
    }
}
