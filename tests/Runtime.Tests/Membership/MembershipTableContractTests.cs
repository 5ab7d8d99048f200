using System.Net;
using ParkingGrains.Runtime.Membership;

namespace ParkingGrains.Runtime.Tests.Membership;

/// <summary>
/// The conditional semantics every membership table must share; one subclass per provider runs them against it
/// (the durable ones against the real servers).
/// </summary>
public abstract class MembershipTableContractTests : IAsyncLifetime
{
    // Whole microseconds, so PostgreSQL's timestamp precision round-trips exactly.
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private IMembershipTable? _table;

    protected string ClusterId { get; } = TestServers.UniqueId("mt");

    private IMembershipTable Table => _table ?? throw new InvalidOperationException("The table was not created.");

    public async Task InitializeAsync()
    {
        _table = CreateTable(ClusterId);
        await Table.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_table is null)
        {
            return; // The server was missing: InitializeAsync already failed the test.
        }

        await _table.DeleteClusterAsync();
        if (_table is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_new_table_is_empty_and_initialize_is_idempotent()
    {
        var before = await Table.ReadAllAsync();
        await Table.InitializeAsync();
        var after = await Table.ReadAllAsync();

        Assert.Empty(after.Rows);
        Assert.Equal(0, after.Version.Version);
        Assert.NotEmpty(after.Version.ETag);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Insert_succeeds_once_and_bumps_the_version()
    {
        var entry = Entry(Silo(1));
        var v0 = (await Table.ReadAllAsync()).Version;

        Assert.True(await Table.InsertRowAsync(entry, v0.Next()));
        var v1 = (await Table.ReadAllAsync()).Version;
        Assert.Equal(1, v1.Version);
        Assert.NotEqual(v0.ETag, v1.ETag);

        // Same silo again with a fresh version: the row exists, so no.
        Assert.False(await Table.InsertRowAsync(entry with { Status = SiloStatus.Active }, v1.Next()));
        var data = await Table.ReadAllAsync();
        Assert.Equal(v1, data.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(data.Rows).Entry.Status);
    }

    [Fact]
    public async Task Insert_with_a_stale_version_fails()
    {
        var stale = (await Table.ReadAllAsync()).Version;
        Assert.True(await Table.InsertRowAsync(Entry(Silo(1)), stale.Next()));

        Assert.False(await Table.InsertRowAsync(Entry(Silo(2)), stale.Next()));
        Assert.False(await Table.InsertRowAsync(Entry(Silo(2)), stale with { Version = 7 }));
        Assert.Null((await Table.ReadAllAsync()).Find(Silo(2)));
    }

    [Fact]
    public async Task Update_with_a_stale_row_etag_or_stale_version_fails()
    {
        var v0 = (await Table.ReadAllAsync()).Version;
        Assert.True(await Table.InsertRowAsync(Entry(Silo(1)), v0.Next()));
        var read = await Table.ReadAllAsync();
        var row = read.Find(Silo(1))!;

        Assert.True(await Table.UpdateRowAsync(row.Entry with { Status = SiloStatus.Active }, row.ETag, read.Version.Next()));
        var after = await Table.ReadAllAsync();

        // Current table version but the row ETag from before the update.
        Assert.False(await Table.UpdateRowAsync(row.Entry with { Status = SiloStatus.Dead }, row.ETag, after.Version.Next()));
        // Current row ETag but a stale table version.
        var current = after.Find(Silo(1))!;
        Assert.NotEqual(row.ETag, current.ETag);
        Assert.False(await Table.UpdateRowAsync(current.Entry with { Status = SiloStatus.Dead }, current.ETag, read.Version.Next()));
        // A silo that is not there.
        Assert.False(await Table.UpdateRowAsync(Entry(Silo(9)), current.ETag, after.Version.Next()));

        var final = await Table.ReadAllAsync();
        Assert.Equal(after.Version, final.Version);
        Assert.Equal(SiloStatus.Active, final.Find(Silo(1))!.Entry.Status);
    }

    [Fact]
    public async Task Concurrent_conflicting_updates_exactly_one_wins()
    {
        var v0 = (await Table.ReadAllAsync()).Version;
        Assert.True(await Table.InsertRowAsync(Entry(Silo(1)), v0.Next()));
        var read = await Table.ReadAllAsync();
        var row = read.Find(Silo(1))!;

        var attempts = Enumerable.Range(0, 12).Select(i => Task.Run(() => Table.UpdateRowAsync(
            row.Entry with { SuspectTimes = [new SuspectVote(Silo(100 + i), T0)] }, row.ETag, read.Version.Next())));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        var final = await Table.ReadAllAsync();
        Assert.Equal(read.Version.Version + 1, final.Version.Version);
        var winner = Array.IndexOf(results, true);
        Assert.Equal(Silo(100 + winner), Assert.Single(final.Find(Silo(1))!.Entry.SuspectTimes).Voter);
    }

    [Fact]
    public async Task Concurrent_inserts_of_different_silos_from_one_version_exactly_one_wins()
    {
        var v0 = (await Table.ReadAllAsync()).Version;

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => Table.InsertRowAsync(Entry(Silo(i)), v0.Next()))));

        Assert.Equal(1, results.Count(r => r));
        Assert.Single((await Table.ReadAllAsync()).Rows);
    }

    [Fact]
    public async Task Read_returns_every_field_of_every_row_and_the_version()
    {
        var v = (await Table.ReadAllAsync()).Version;
        var first = Entry(Silo(1)) with
        {
            Status = SiloStatus.Active,
            GatewayPort = 30001,
            SiloName = "silo-1",
            HostName = "host-a",
            SuspectTimes = [new SuspectVote(Silo(2), T0.AddSeconds(3)), new SuspectVote(Silo(3), T0.AddTicks(40))],
        };
        var second = Entry(new SiloAddress(new IPEndPoint(IPAddress.Parse("10.1.2.3"), 11111), 42)) with { SiloName = "silo-2" };
        Assert.True(await Table.InsertRowAsync(first, v.Next()));
        v = (await Table.ReadAllAsync()).Version;
        Assert.True(await Table.InsertRowAsync(second, v.Next()));

        var data = await Table.ReadAllAsync();

        Assert.Equal(2, data.Version.Version);
        Assert.Equal(2, data.Rows.Count);
        Assert.Equal(2, data.Rows.Select(r => r.ETag).Distinct().Count());
        AssertSameEntry(first, data.Find(first.SiloAddress)!.Entry);
        AssertSameEntry(second, data.Find(second.SiloAddress)!.Entry);
    }

    [Fact]
    public async Task IAmAlive_changes_neither_the_version_nor_the_row_etag()
    {
        var v0 = (await Table.ReadAllAsync()).Version;
        Assert.True(await Table.InsertRowAsync(Entry(Silo(1)), v0.Next()));
        var before = await Table.ReadAllAsync();

        await Table.UpdateIAmAliveAsync(Entry(Silo(1)) with { IAmAliveTime = T0.AddMinutes(5), Status = SiloStatus.Dead });
        await Table.UpdateIAmAliveAsync(Entry(Silo(77)) with { IAmAliveTime = T0.AddMinutes(5) }); // absent: no-op

        var after = await Table.ReadAllAsync();
        Assert.Equal(before.Version, after.Version);
        var row = Assert.Single(after.Rows);
        Assert.Equal(before.Rows[0].ETag, row.ETag);
        Assert.Equal(T0.AddMinutes(5), row.Entry.IAmAliveTime);
        Assert.Equal(SiloStatus.Joining, row.Entry.Status);

        // An update prepared before the heartbeat is still valid.
        Assert.True(await Table.UpdateRowAsync(before.Rows[0].Entry with { Status = SiloStatus.Active }, before.Rows[0].ETag, before.Version.Next()));
    }

    [Fact]
    public async Task DeleteCluster_removes_every_row_and_leaves_other_clusters_alone()
    {
        var other = CreateTable(ClusterId + "-other");
        try
        {
            await other.InitializeAsync();
            var ov = (await other.ReadAllAsync()).Version;
            Assert.True(await other.InsertRowAsync(Entry(Silo(5)), ov.Next()));

            var v0 = (await Table.ReadAllAsync()).Version;
            Assert.True(await Table.InsertRowAsync(Entry(Silo(1)), v0.Next()));
            var stale = (await Table.ReadAllAsync()).Version;

            await Table.DeleteClusterAsync();

            var gone = await Table.ReadAllAsync();
            Assert.Empty(gone.Rows);
            Assert.False(await Table.InsertRowAsync(Entry(Silo(2)), stale.Next()));
            Assert.Single((await other.ReadAllAsync()).Rows);

            // Re-initialising starts a fresh table whose ETag no earlier reader can hold.
            await Table.InitializeAsync();
            var fresh = await Table.ReadAllAsync();
            Assert.Empty(fresh.Rows);
            Assert.NotEqual(stale.ETag, fresh.Version.ETag);
            Assert.True(await Table.InsertRowAsync(Entry(Silo(2)), fresh.Version.Next()));
        }
        finally
        {
            await other.DeleteClusterAsync();
            if (other is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    protected abstract IMembershipTable CreateTable(string clusterId);

    private static SiloAddress Silo(int n) => new(new IPEndPoint(IPAddress.Loopback, 20000 + n), 1000 + n);

    private static MembershipEntry Entry(SiloAddress silo) => new()
    {
        SiloAddress = silo,
        Status = SiloStatus.Joining,
        StartTime = T0,
        IAmAliveTime = T0.AddSeconds(1),
    };

    private static void AssertSameEntry(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.GatewayPort, actual.GatewayPort);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(expected.SuspectTimes, actual.SuspectTimes);
    }
}
