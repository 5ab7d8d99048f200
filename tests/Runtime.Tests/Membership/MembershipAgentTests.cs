using ParkingGrains.Runtime.Membership;
using Xunit.Abstractions;

namespace ParkingGrains.Runtime.Tests.Membership;

/// <summary>The membership protocol over the in-memory table and a fake network, with short periods.</summary>
public sealed class MembershipAgentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly InMemoryMembershipTable _table = new();
    private MembershipTestCluster _cluster = null!;

    private static ClusterMembershipOptions Fast => new()
    {
        ProbePeriod = TimeSpan.FromMilliseconds(100),
        ProbeTimeout = TimeSpan.FromMilliseconds(100),
        NumMissedProbesLimit = 3,
        NumVotesForDeathDeclaration = 2,
        TableRefreshPeriod = TimeSpan.FromMilliseconds(300),
        IAmAlivePeriod = TimeSpan.FromMilliseconds(200),
        GossipTimeout = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>
    /// Worst case: the first probe after the failure comes within a period, then a miss at most every
    /// max(period, timeout) until the limit (when every prober votes), then a table read to notice; plus slack for
    /// writes and scheduling (a 2-core test machine running other suites can delay 100 ms timers by most of a second).
    /// </summary>
    internal static TimeSpan DetectionBound(ClusterMembershipOptions o, double slackSeconds = 1) =>
        o.ProbePeriod + (o.NumMissedProbesLimit * TimeSpan.FromTicks(Math.Max(o.ProbePeriod.Ticks, o.ProbeTimeout.Ticks)))
        + o.TableRefreshPeriod + TimeSpan.FromSeconds(slackSeconds);

    private static TimeSpan FastBound => DetectionBound(Fast, slackSeconds: 3);

    public Task InitializeAsync()
    {
        _cluster = new MembershipTestCluster(() => _table, Fast, output);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Three_silos_join_concurrently_and_all_see_three_active_with_gateways()
    {
        var changes = 0;
        var agents = await _cluster.StartAsync(3);
        agents[0].MembershipChanged += (_, _) => Interlocked.Increment(ref changes);

        await Eventually.WaitUntilAsync(() => agents.All(a => a.Current.ActiveSilos.Count == 3), Deadline, "every agent sees 3 active silos");

        var expected = agents.Select(a => a.SiloAddress).Order().ToArray();
        foreach (var agent in agents)
        {
            Assert.Equal(expected, agent.Current.ActiveSilos.Select(m => m.SiloAddress));
            Assert.All(agent.Current.ActiveSilos, m => Assert.Equal(m.SiloAddress.Endpoint.Port + 10000, m.GatewayPort));
        }

        // Re-reading an unchanged table publishes nothing new.
        var before = Volatile.Read(ref changes);
        await agents[0].RefreshAsync();
        await agents[0].RefreshAsync();
        Assert.Equal(before, Volatile.Read(ref changes));
        Assert.DoesNotContain(agents, a => a.DeclaredDead.IsCompleted);
    }

    [Fact]
    public async Task A_hung_silo_is_declared_dead_by_the_others_within_the_bound_and_told_to_stop()
    {
        var agents = await _cluster.StartAsync(3);
        await Eventually.WaitUntilAsync(() => agents.All(a => a.Current.ActiveSilos.Count == 3), Deadline, "3 active");
        var victim = agents[2];

        _cluster.Network.Hang(victim.SiloAddress);
        var elapsed = await Eventually.WaitUntilAsync(
            () => agents[..2].All(a => a.Current.GetStatus(victim.SiloAddress) == SiloStatus.Dead),
            Deadline,
            "the survivors see the hung silo dead");

        output.WriteLine($"declared dead after {elapsed.TotalMilliseconds:0} ms");
        Assert.True(elapsed <= FastBound, $"took {elapsed}, bound {FastBound}");
        var row = (await _table.ReadAllAsync()).Find(victim.SiloAddress)!;
        Assert.Equal(SiloStatus.Dead, row.Entry.Status);
        Assert.Equal(2, row.Entry.SuspectTimes.Select(v => v.Voter).Distinct().Count());
        Assert.DoesNotContain(victim.SiloAddress, row.Entry.SuspectTimes.Select(v => v.Voter));

        // The victim still runs its loops: its next table read tells it to stop.
        await Eventually.CompletesAsync(victim.DeclaredDead, Deadline, "the victim learns it was declared dead");
        Assert.Equal(2, agents[0].Current.ActiveSilos.Count);
        Assert.False(agents[0].DeclaredDead.IsCompleted || agents[1].DeclaredDead.IsCompleted);
    }

    [Fact]
    public async Task A_crashed_silo_is_declared_dead_and_its_address_can_never_join_again_but_a_new_generation_can()
    {
        var agents = await _cluster.StartAsync(3);
        await Eventually.WaitUntilAsync(() => agents.All(a => a.Current.ActiveSilos.Count == 3), Deadline, "3 active");
        var victim = agents[1];

        victim.Abort();
        _cluster.Network.Crash(victim.SiloAddress);
        var elapsed = await Eventually.WaitUntilAsync(
            () => agents[0].Current.GetStatus(victim.SiloAddress) == SiloStatus.Dead
                && agents[2].Current.GetStatus(victim.SiloAddress) == SiloStatus.Dead,
            Deadline,
            "the survivors see the crashed silo dead");
        Assert.True(elapsed <= FastBound, $"took {elapsed}, bound {FastBound}");
        Assert.False(victim.DeclaredDead.IsCompleted); // aborted: nothing runs to notice

        var zombie = _cluster.CreateAgent(victim.SiloAddress);
        var refused = await Assert.ThrowsAsync<MembershipJoinRefusedException>(() => zombie.JoinAsync());
        Assert.Equal(SiloStatus.Dead, refused.ExistingStatus);
        Assert.Contains("new generation", refused.Message, StringComparison.Ordinal);

        var reborn = _cluster.CreateAgent(victim.SiloAddress with { Generation = victim.SiloAddress.Generation + 1 });
        await reborn.JoinAsync();
        await Eventually.WaitUntilAsync(
            () => agents[0].Current.IsActive(reborn.SiloAddress) && agents[2].Current.IsActive(reborn.SiloAddress)
                && reborn.Current.ActiveSilos.Count == 3,
            Deadline,
            "everyone sees the new generation active");
        Assert.Equal(SiloStatus.Dead, reborn.Current.GetStatus(victim.SiloAddress));
    }

    [Fact]
    public async Task A_restarted_silo_declares_its_older_generation_dead_without_waiting_for_probes()
    {
        var slowProbes = Fast;
        slowProbes.ProbePeriod = TimeSpan.FromMinutes(5);
        await using var cluster = new MembershipTestCluster(() => _table, slowProbes, output);
        var agents = await cluster.StartAsync(2);
        var old = agents[1];
        old.Abort();

        var restarted = cluster.CreateAgent(old.SiloAddress with { Generation = old.SiloAddress.Generation + 5 });
        await restarted.JoinAsync();

        await Eventually.WaitUntilAsync(
            () => agents[0].Current.GetStatus(old.SiloAddress) == SiloStatus.Dead && agents[0].Current.IsActive(restarted.SiloAddress),
            Deadline,
            "the old generation is dead and the new one active");
    }

    [Fact]
    public async Task Graceful_leave_marks_the_silo_dead_and_the_others_see_it()
    {
        var agents = await _cluster.StartAsync(3);
        await Eventually.WaitUntilAsync(() => agents.All(a => a.Current.ActiveSilos.Count == 3), Deadline, "3 active");
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agents[0].MembershipChanged += (_, snapshot) =>
        {
            if (snapshot.GetStatus(agents[2].SiloAddress) == SiloStatus.Dead)
            {
                seen.TrySetResult();
            }
        };

        await agents[2].LeaveAsync();

        var row = (await _table.ReadAllAsync()).Find(agents[2].SiloAddress)!;
        Assert.Equal(SiloStatus.Dead, row.Entry.Status);
        Assert.Empty(row.Entry.SuspectTimes);
        await Eventually.CompletesAsync(seen.Task, Deadline, "a MembershipChanged event shows the leaver dead");
        await Eventually.WaitUntilAsync(() => agents[1].Current.ActiveSilos.Count == 2, Deadline, "the other survivor sees 2 active");
        Assert.False(agents[2].DeclaredDead.IsCompleted); // leaving is not being declared dead
        await Assert.ThrowsAsync<MembershipJoinRefusedException>(() => _cluster.CreateAgent(agents[2].SiloAddress).JoinAsync());
    }

    [Fact]
    public async Task In_a_two_silo_cluster_the_survivor_alone_declares_the_dead_one()
    {
        var agents = await _cluster.StartAsync(2);
        await Eventually.WaitUntilAsync(() => agents.All(a => a.Current.ActiveSilos.Count == 2), Deadline, "2 active");

        agents[1].Abort();
        _cluster.Network.Crash(agents[1].SiloAddress);

        var elapsed = await Eventually.WaitUntilAsync(
            () => agents[0].Current.GetStatus(agents[1].SiloAddress) == SiloStatus.Dead, Deadline, "the survivor declares it dead");
        Assert.True(elapsed <= FastBound, $"took {elapsed}, bound {FastBound}");
        var votes = (await _table.ReadAllAsync()).Find(agents[1].SiloAddress)!.Entry.SuspectTimes;
        Assert.Equal(agents[0].SiloAddress, Assert.Single(votes).Voter);
        Assert.Equal([new ClusterMember(agents[0].SiloAddress, agents[0].SiloAddress.Endpoint.Port + 10000)], agents[0].Current.ActiveSilos);
    }

    [Fact]
    public async Task One_suspicious_silo_cannot_kill_a_healthy_one_in_a_three_silo_cluster()
    {
        var agents = await _cluster.StartAsync(3);
        await Eventually.WaitUntilAsync(() => agents.All(a => a.Current.ActiveSilos.Count == 3), Deadline, "3 active");
        var (accuser, accused) = (agents[0], agents[1]);
        var changes = 0;
        agents[2].MembershipChanged += (_, _) => Interlocked.Increment(ref changes);

        _cluster.Network.Block(accuser.SiloAddress, accused.SiloAddress);
        await Eventually.WaitUntilAsync(
            () => _table.ReadAllAsync().Result.Find(accused.SiloAddress)!.Entry.SuspectTimes.Count == 1,
            Deadline,
            "the accuser records its vote");
        var probes = _cluster.Network.ProbeCount(accuser.SiloAddress, accused.SiloAddress);
        await Eventually.WaitUntilAsync(
            () => _cluster.Network.ProbeCount(accuser.SiloAddress, accused.SiloAddress) >= probes + (2 * Fast.NumMissedProbesLimit),
            Deadline,
            "the accuser keeps probing and voting for several more rounds");

        var row = (await _table.ReadAllAsync()).Find(accused.SiloAddress)!;
        Assert.Equal(SiloStatus.Active, row.Entry.Status);
        Assert.Equal(accuser.SiloAddress, Assert.Single(row.Entry.SuspectTimes).Voter); // re-votes replace, never stack
        Assert.All(agents, a => Assert.Equal(3, a.Current.ActiveSilos.Count));
        Assert.Equal(0, Volatile.Read(ref changes)); // votes bump the version but change no status
    }

    [Fact]
    public async Task Each_silo_probes_the_next_silos_on_the_ring_and_each_is_probed_as_often()
    {
        var options = Fast;
        options.NumProbedSilos = 2;
        await using var cluster = new MembershipTestCluster(() => _table, options, output);
        var agents = await cluster.StartAsync(5);
        await Eventually.WaitUntilAsync(() => agents.All(a => a.Current.ActiveSilos.Count == 5), Deadline, "5 active");
        await Eventually.WaitUntilAsync(
            () => cluster.Network.ProbedPairs().Select(p => p.From).Distinct().Count() == 5, Deadline, "every silo probed someone");

        var pairs = cluster.Network.ProbedPairs();
        var ring = agents.Select(a => a.SiloAddress).OrderBy(s => s.GetUniformHashCode()).ThenBy(s => s).ToList();
        for (var i = 0; i < ring.Count; i++)
        {
            Assert.Equal(
                new[] { ring[(i + 1) % 5], ring[(i + 2) % 5] }.Order(),
                pairs.Where(p => p.From.Equals(ring[i])).Select(p => p.To).Order());
            Assert.Equal(2, pairs.Count(p => p.To.Equals(ring[i])));
        }
    }

    [Fact]
    public async Task Table_failures_are_survived_and_the_agent_catches_up_afterwards()
    {
        var flaky = new FlakyMembershipTable(_table);
        var a = _cluster.CreateAgent(MembershipTestCluster.NewAddress(), flaky);
        var b = _cluster.CreateAgent(MembershipTestCluster.NewAddress());
        await Task.WhenAll(a.JoinAsync(), b.JoinAsync());

        // Joined together, a may not have read b's row yet; the outage must start from a view of both.
        await Eventually.WaitUntilAsync(() => a.Current.ActiveSilos.Count == 2, Deadline, "a sees b");
        flaky.Failing = true;
        var c = _cluster.CreateAgent(MembershipTestCluster.NewAddress());
        await c.JoinAsync();
        await Eventually.WaitUntilAsync(() => b.Current.ActiveSilos.Count == 3, Deadline, "b sees c");
        await Eventually.WaitUntilAsync(() => flaky.Failures >= 3, Deadline, "a's loops hit table errors");
        Assert.Equal(2, a.Current.ActiveSilos.Count);

        flaky.Failing = false;
        await Eventually.WaitUntilAsync(() => a.Current.ActiveSilos.Count == 3, Deadline, "a catches up");
        Assert.False(a.DeclaredDead.IsCompleted);
        Assert.Equal(SiloStatus.Active, (await _table.ReadAllAsync()).Find(a.SiloAddress)!.Entry.Status);
    }

    [Fact]
    public void Defaults_match_the_documented_values_and_bad_options_are_rejected()
    {
        var o = new ClusterMembershipOptions();
        Assert.Equal(3, o.NumProbedSilos);
        Assert.Equal(TimeSpan.FromSeconds(2), o.ProbePeriod);
        Assert.Equal(TimeSpan.FromSeconds(2), o.ProbeTimeout);
        Assert.Equal(3, o.NumMissedProbesLimit);
        Assert.Equal(2, o.NumVotesForDeathDeclaration);
        Assert.Equal(TimeSpan.FromSeconds(60), o.DeathVoteExpiration);
        Assert.Equal(TimeSpan.FromSeconds(5), o.TableRefreshPeriod);
        Assert.Equal(TimeSpan.FromSeconds(10), o.IAmAlivePeriod);
        Assert.True(DetectionBound(o) <= TimeSpan.FromSeconds(15));
        o.Validate();

        Assert.Throws<ArgumentException>(() => new ClusterMembershipOptions { NumProbedSilos = 1, NumVotesForDeathDeclaration = 2 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterMembershipOptions { ProbeTimeout = TimeSpan.Zero }.Validate());
    }
}
