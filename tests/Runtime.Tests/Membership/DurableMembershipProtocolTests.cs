using ParkingGrains.Runtime.Membership;
using Xunit.Abstractions;

namespace ParkingGrains.Runtime.Tests.Membership;

/// <summary>
/// The protocol end to end over a real server with the DEFAULT options: every agent has its own table client (as
/// separate processes would), and a failed silo must be declared dead within 15 s.
/// </summary>
public abstract class DurableMembershipProtocolTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Required = TimeSpan.FromSeconds(15);

    private MembershipTestCluster _cluster = null!;

    protected string ClusterId { get; } = TestServers.UniqueId("mp");

    public Task InitializeAsync()
    {
        _cluster = new MembershipTestCluster(() => CreateTable(ClusterId), new ClusterMembershipOptions(), output);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public Task A_crashed_silo_is_declared_dead_within_15_s_with_default_options() =>
        KillOneAndAwaitDeathAsync(victim =>
        {
            victim.Abort();
            _cluster.Network.Crash(victim.SiloAddress);
        });

    [Fact]
    public Task A_hung_silo_is_declared_dead_within_15_s_with_default_options_and_told_to_stop() =>
        KillOneAndAwaitDeathAsync(victim => _cluster.Network.Hang(victim.SiloAddress), expectDeclaredDead: true);

    protected abstract IMembershipTable CreateTable(string clusterId);

    private async Task KillOneAndAwaitDeathAsync(Action<MembershipAgent> kill, bool expectDeclaredDead = false)
    {
        var agents = await _cluster.StartAsync(3);
        await Eventually.WaitUntilAsync(() => agents.All(a => a.Current.ActiveSilos.Count == 3), TimeSpan.FromSeconds(10), "3 active");
        var victim = agents[0];
        var survivors = agents[1..];

        kill(victim);
        var elapsed = await Eventually.WaitUntilAsync(
            () => survivors.All(a => a.Current.GetStatus(victim.SiloAddress) == SiloStatus.Dead),
            Required + TimeSpan.FromSeconds(5),
            "both survivors see the victim dead");

        output.WriteLine($"declared dead after {elapsed.TotalMilliseconds:0} ms");
        Assert.True(elapsed <= Required, $"took {elapsed}, required {Required}");
        var reader = CreateTable(ClusterId);
        try
        {
            var data = await reader.ReadAllAsync();
            Assert.Equal(SiloStatus.Dead, data.Find(victim.SiloAddress)!.Entry.Status);
            Assert.All(survivors, s => Assert.Equal(SiloStatus.Active, data.Find(s.SiloAddress)!.Entry.Status));
        }
        finally
        {
            if (reader is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        if (expectDeclaredDead)
        {
            await Eventually.CompletesAsync(victim.DeclaredDead, TimeSpan.FromSeconds(10), "the hung silo learns it was declared dead");
        }

        Assert.DoesNotContain(survivors, s => s.DeclaredDead.IsCompleted);
    }
}
