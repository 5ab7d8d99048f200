using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.WebApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ParkingGrains.WebApi.Tests.Realtime;

/// <summary>
/// The live path end to end with the real SignalR .NET client over a real WebSocket:
/// lot grain decision → LotEventsGrain → each web host's observer → hub group → client.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LotsHubTests(ApiFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// 50 entries (each followed by its exit), one at a time, timed from the grain call to the slotChanged push. The
    /// first entry of a test process is not one of them: it runs every cold path once — the runtime generating the
    /// gate and lot call proxies and invokers, JIT of the decision, the observer call and SignalR's first serialization
    /// of each message type — and its grain call alone takes tens of milliseconds before anything is pushed. It is
    /// measured and printed (split into reply and push) next to the numbers of the 50, so nothing is hidden.
    /// </summary>
    [Fact]
    public async Task AnEntry_PushesTheSlotChange_ToAnOperator_AndReportsTheLatency()
    {
        await using var host = KestrelWebHost.Start(fixture);
        await using var connection = await host.ConnectAsync(await host.TokenForRoleAsync("operator"));
        var inbox = SlotChanges(connection);
        await connection.InvokeAsync("SubscribeLot", "demo-saigon");

        var warmup = await EnterAndLeaveAsync(inbox);
        const int entries = 50;
        var latencies = new List<double>(entries);
        for (var i = 0; i < entries; i++)
        {
            latencies.Add((await EnterAndLeaveAsync(inbox)).Push);
        }

        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        var report = $"entry → slotChanged over SignalR (.NET client, loopback, in-memory state), N={entries} after one warm-up entry: " +
            $"p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {latencies[^1]:0.0} ms; " +
            $"the warm-up (first entry of the process, cold paths): grain call answered after {warmup.Reply:0.0} ms, push after {warmup.Push:0.0} ms";
        output.WriteLine(report);
        Console.WriteLine(report);
        Assert.True(Percentile(0.99) < 1000, report); // a sanity bound only; the target (well under 100 ms) is reported
    }

    [Fact]
    public async Task TwoWebHosts_EachReceiveTheSameChange()
    {
        await using var first = KestrelWebHost.Start(fixture);
        await using var second = KestrelWebHost.Start(fixture);
        await using var a = await first.ConnectAsync(await first.TokenForRoleAsync("operator"));
        await using var b = await second.ConnectAsync(await second.TokenForRoleAsync("admin"));
        var inboxA = SlotChanges(a);
        var inboxB = SlotChanges(b);
        var sessionsA = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        a.On<JsonElement>("sessionStarted", m => sessionsA.TrySetResult(m));
        await a.InvokeAsync("SubscribeLot", "demo-berlin");
        await b.InvokeAsync("SubscribeLot", "demo-berlin");

        var decision = await Gate("ber-in").Enter(new EntryCommand($"rt-{Guid.NewGuid():N}", "ber-in", $"B-RT {Random.Shared.Next(1000, 9999)}", null, VehicleClass.Car, DateTimeOffset.UtcNow));
        Assert.True(decision.Allowed, decision.ReasonText);
        bool Mine(SlotMessage m) => m.SessionId == decision.SessionId && m.SlotId == decision.Slot!.SlotId;
        await inboxA.WaitForAsync(Mine);
        await inboxB.WaitForAsync(Mine);
        var session = await sessionsA.Task.WaitAsync(s_wait);
        Assert.Equal(decision.SessionId, session.GetProperty("sessionId").GetString());

        var exit = await Gate("ber-out").Exit(new ExitCommand($"rt-x-{Guid.NewGuid():N}", "ber-out", null, null, decision.Ticket, DateTimeOffset.UtcNow));
        Assert.True(exit.Open, exit.ReasonText);
        await inboxA.WaitForAsync(m => m.SlotId == decision.Slot!.SlotId && m.SessionId is null);
        await inboxB.WaitForAsync(m => m.SlotId == decision.Slot!.SlotId && m.SessionId is null);
    }

    [Fact]
    public async Task NoTokenOrANonOperatorToken_IsRejected()
    {
        await using var host = KestrelWebHost.Start(fixture);
        // The WebSocket upgrade itself is refused: 401 without a valid token, 403 for a role that is not operator/admin.
        Assert.Contains("'401'", (await Assert.ThrowsAsync<WebSocketException>(() => host.ConnectAsync(null))).Message, StringComparison.Ordinal);
        Assert.Contains("'401'", (await Assert.ThrowsAsync<WebSocketException>(() => host.ConnectAsync("not-a-token"))).Message, StringComparison.Ordinal);
        var driver = await host.TokenForRoleAsync("driver");
        Assert.Contains("'403'", (await Assert.ThrowsAsync<WebSocketException>(() => host.ConnectAsync(driver))).Message, StringComparison.Ordinal);
    }

    private IGateGrain Gate(string gateId) => fixture.Cluster.Client.GetGrain<IGateGrain>(gateId);

    /// <summary>One entry at sgn-in-1 timed to its reply and to its push (ms), then its exit (inside the free grace period, so the lot never fills).</summary>
    private async Task<(double Reply, double Push)> EnterAndLeaveAsync(SlotInbox inbox)
    {
        var plate = $"RT-{Guid.NewGuid():N}"[..12];
        var started = Stopwatch.GetTimestamp();
        var decision = await Gate("sgn-in-1").Enter(new EntryCommand($"rt-{Guid.NewGuid():N}", "sgn-in-1", plate, null, VehicleClass.Car, DateTimeOffset.UtcNow));
        var replied = Stopwatch.GetTimestamp();
        Assert.True(decision.Allowed, decision.ReasonText);
        var arrived = await inbox.WaitForAsync(m => m.SessionId == decision.SessionId && m.SlotId == decision.Slot!.SlotId && m.Status == "Occupied");

        var exit = await Gate("sgn-out-1").Exit(new ExitCommand($"rt-x-{Guid.NewGuid():N}", "sgn-out-1", null, null, decision.Ticket, DateTimeOffset.UtcNow));
        Assert.True(exit.Open, exit.ReasonText);
        await inbox.WaitForAsync(m => m.SlotId == decision.Slot!.SlotId && m.SessionId is null);
        return (Stopwatch.GetElapsedTime(started, replied).TotalMilliseconds, Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds);
    }

    private static SlotInbox SlotChanges(HubConnection connection)
    {
        var inbox = new SlotInbox();
        connection.On<JsonElement>("slotChanged", m => inbox.Add(new SlotMessage(
            m.GetProperty("slotId").GetString()!,
            m.GetProperty("status").GetString()!,
            m.GetProperty("sessionId").ValueKind == JsonValueKind.Null ? null : m.GetProperty("sessionId").GetString(),
            Stopwatch.GetTimestamp())));
        return inbox;
    }

    private sealed record SlotMessage(string SlotId, string Status, string? SessionId, long ArrivedAt);

    /// <summary>Collects pushes as they arrive (a push may beat the grain call's own reply), timestamped on arrival.</summary>
    private sealed class SlotInbox
    {
        private readonly ConcurrentQueue<SlotMessage> _messages = new();
        private readonly SemaphoreSlim _signal = new(0);

        public void Add(SlotMessage message)
        {
            _messages.Enqueue(message);
            _signal.Release();
        }

        public async Task<long> WaitForAsync(Func<SlotMessage, bool> match)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(s_wait.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                if (_messages.FirstOrDefault(match) is { } found)
                {
                    return found.ArrivedAt;
                }

                var left = TimeSpan.FromSeconds((double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
                if (left <= TimeSpan.Zero || !await _signal.WaitAsync(left))
                {
                    throw new TimeoutException($"No matching slotChanged within {s_wait}; got {_messages.Count} other(s).");
                }
            }
        }
    }
}
