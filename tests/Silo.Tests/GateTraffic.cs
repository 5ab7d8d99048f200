using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Silo.Tests;

/// <summary>
/// Gate agents driving one lot: half through the REST API, half through the Orleans client. Each vehicle enters and
/// leaves again once the agent has three inside. A failed call is retried with the same event id (the lot answers a
/// repeat with its first decision) until it is answered; only answered decisions count as acknowledged.
/// </summary>
public sealed class GateTraffic
{
    private readonly FailoverCluster _cluster;
    private readonly string _lotId;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(TimeSpan Started, TimeSpan Ended)> _successes = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task _agents = Task.CompletedTask;

    private GateTraffic(FailoverCluster cluster, string lotId)
    {
        _cluster = cluster;
        _lotId = lotId;
    }

    /// <summary>Acknowledged entries: event id to session id.</summary>
    public ConcurrentDictionary<string, string> Entries { get; } = new();

    /// <summary>Acknowledged exits (the barrier opened): event id to session id.</summary>
    public ConcurrentDictionary<string, string> Exits { get; } = new();

    public int Successes => _successes.Count;

    public int Failures => _failures.Count;

    public TimeSpan Now => _clock.Elapsed;

    public static GateTraffic Start(FailoverCluster cluster, string lotId, int restAgents = 3, int clientAgents = 3)
    {
        var traffic = new GateTraffic(cluster, lotId);
        traffic._agents = Task.WhenAll(
            Enumerable.Range(0, restAgents).Select(i => Task.Run(() => traffic.AgentAsync($"r{i}", rest: true)))
                .Concat(Enumerable.Range(0, clientAgents).Select(i => Task.Run(() => traffic.AgentAsync($"c{i}", rest: false)))));
        return traffic;
    }

    public Task WaitForSuccessesAsync(int count, TimeSpan timeout) =>
        Eventually.TrueAsync(() => Task.FromResult(_agents.IsFaulted || Successes >= count), timeout, $"{count} answered gate calls")
            .ContinueWith(_ => _agents.IsFaulted ? _agents : Task.CompletedTask, TaskScheduler.Default).Unwrap();

    /// <summary>Time from <paramref name="since"/> to the end of the first successful call started after it.</summary>
    public async Task<TimeSpan> RecoveryAfterAsync(TimeSpan since, TimeSpan timeout)
    {
        await Eventually.TrueAsync(() => Task.FromResult(_successes.Any(s => s.Started >= since)), timeout, "a gate call started after the failure succeeds");
        return _successes.Where(s => s.Started >= since).Min(s => s.Ended) - since;
    }

    public Task WaitForSuccessesAfterAsync(TimeSpan since, int count, TimeSpan timeout) =>
        Eventually.TrueAsync(() => Task.FromResult(_successes.Count(s => s.Started >= since) >= count), timeout, $"{count} gate calls answered after the failure");

    /// <summary>Stops starting new vehicles; the calls in flight are retried until answered.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            await _agents;
            return;
        }

        await _stop.CancelAsync();
        await _agents.WaitAsync(TimeSpan.FromSeconds(90));
        _cluster.Log($"traffic: {Successes} answered calls, {Failures} failed attempts (retried), {Entries.Count} entries, {Exits.Count} exits");
        foreach (var failure in _failures.Take(5))
        {
            _cluster.Log($"  failed attempt: {failure}");
        }
    }

    private async Task AgentAsync(string agent, bool rest)
    {
        var inside = new Queue<string>();
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var plate = $"{agent.ToUpperInvariant()}X{n:D5}";
            var entryEvent = $"{_lotId}-{agent}-in-{n}";
            var entry = new EntryCommand(entryEvent, $"{_lotId}-in", plate, null, VehicleClass.Car, DateTimeOffset.UtcNow);
            var (allowed, sessionId) = await UntilAnsweredAsync(async () =>
            {
                if (rest)
                {
                    var json = await _cluster.Api.EnterAsync(entry.GateId, entry.EventId, plate);
                    return (json.GetProperty("allowed").GetBoolean(), Text(json, "sessionId"));
                }

                var decision = await _cluster.Client.GetGrain<IGateGrain>(entry.GateId).Enter(entry);
                return (decision.Allowed, decision.SessionId);
            });
            if (allowed)
            {
                Entries[entryEvent] = sessionId!;
                inside.Enqueue(plate);
            }

            if (inside.Count > 3 || (!allowed && inside.Count > 0))
            {
                var leaving = inside.Dequeue();
                var exitEvent = $"{_lotId}-{agent}-out-{n}";
                var exit = new ExitCommand(exitEvent, $"{_lotId}-out", leaving, null, null, DateTimeOffset.UtcNow);
                var (open, exitedSession) = await UntilAnsweredAsync(async () =>
                {
                    if (rest)
                    {
                        var json = await _cluster.Api.ExitAsync(exit.GateId, exit.EventId, leaving);
                        return (json.GetProperty("open").GetBoolean(), Text(json, "sessionId"));
                    }

                    var decision = await _cluster.Client.GetGrain<IGateGrain>(exit.GateId).Exit(exit);
                    return (decision.Open, decision.SessionId);
                });
                if (open)
                {
                    Exits[exitEvent] = exitedSession!;
                }
                else
                {
                    inside.Enqueue(leaving);
                }
            }
        }
    }

    private async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call)
    {
        var deadline = _clock.Elapsed + TimeSpan.FromSeconds(60);
        while (true)
        {
            var started = _clock.Elapsed;
            try
            {
                var result = await call();
                _successes.Enqueue((started, _clock.Elapsed));
                return result;
            }
            catch (Exception ex) when (_clock.Elapsed < deadline)
            {
                _failures.Enqueue($"{started.TotalSeconds:0.00}s {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
                await Task.Delay(50);
            }
        }
    }

    private static string? Text(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
