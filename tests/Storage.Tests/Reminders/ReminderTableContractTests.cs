using ParkingGrains.Runtime.Reminders;

namespace ParkingGrains.Runtime.Tests.Reminders;

/// <summary>Behaviour every reminder table shares; run once per provider by the derived classes.</summary>
public abstract class ReminderTableContractTests : IAsyncLifetime
{
    // Whole seconds and milliseconds: every provider stores at least microsecond / millisecond precision.
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 8, 30, 15, TimeSpan.Zero);

    protected IReminderTable Table { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Table = await CreateTableAsync();
        await Table.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Table is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await DisposeBackingAsync();
    }

    [Fact]
    public async Task Upsert_then_read_round_trips_the_row()
    {
        var grain = new GrainId("session", "S-1");
        var local = new DateTimeOffset(2026, 11, 21, 15, 30, 15, TimeSpan.FromHours(7));

        var eTag = await Table.UpsertRowAsync(Entry(grain, "expire", local, TimeSpan.FromMinutes(15)));
        var row = await Table.ReadRowAsync(grain, "expire");

        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("expire", row.ReminderName);
        Assert.Equal(local, row.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(15), row.Period);
        Assert.Equal(eTag, row.ETag);
        Assert.Null(await Table.ReadRowAsync(grain, "other"));
        Assert.Null(await Table.ReadRowAsync(new GrainId("session", "S-2"), "expire"));
    }

    [Fact]
    public async Task Upsert_replaces_the_row_and_changes_the_etag()
    {
        var grain = new GrainId("session", "S-1");
        var first = await Table.UpsertRowAsync(Entry(grain, "expire", Start, TimeSpan.FromMinutes(1)));

        var second = await Table.UpsertRowAsync(Entry(grain, "expire", Start.AddHours(1), TimeSpan.FromMinutes(2)));

        Assert.NotEqual(first, second);
        var row = await Table.ReadRowAsync(grain, "expire");
        Assert.Equal(Start.AddHours(1), row!.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(2), row.Period);
        Assert.Single(await Table.ReadRowsAsync(grain));
    }

    [Fact]
    public async Task Rows_of_one_grain_are_read_together()
    {
        var grain = new GrainId("lot", "L-1");
        await Table.UpsertRowAsync(Entry(grain, "a", Start, TimeSpan.FromMinutes(1)));
        await Table.UpsertRowAsync(Entry(grain, "b", Start, TimeSpan.FromMinutes(1)));
        await Table.UpsertRowAsync(Entry(new GrainId("lot", "L-2"), "a", Start, TimeSpan.FromMinutes(1)));

        var rows = await Table.ReadRowsAsync(grain);

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order());
    }

    [Fact]
    public async Task Remove_is_conditional_on_the_etag()
    {
        var grain = new GrainId("gate", "G-1");
        var old = await Table.UpsertRowAsync(Entry(grain, "heartbeat", Start, TimeSpan.FromMinutes(1)));
        var current = await Table.UpsertRowAsync(Entry(grain, "heartbeat", Start, TimeSpan.FromMinutes(5)));

        Assert.False(await Table.RemoveRowAsync(grain, "heartbeat", old));
        Assert.False(await Table.RemoveRowAsync(grain, "heartbeat", "garbage"));
        Assert.NotNull(await Table.ReadRowAsync(grain, "heartbeat"));

        Assert.True(await Table.RemoveRowAsync(grain, "heartbeat", current));
        Assert.Null(await Table.ReadRowAsync(grain, "heartbeat"));
        Assert.False(await Table.RemoveRowAsync(grain, "heartbeat", current));
    }

    [Fact]
    public async Task A_recreated_reminder_never_reuses_an_old_etag()
    {
        var grain = new GrainId("gate", "G-2");
        var first = await Table.UpsertRowAsync(Entry(grain, "r", Start, TimeSpan.FromMinutes(1)));
        Assert.True(await Table.RemoveRowAsync(grain, "r", first));

        var recreated = await Table.UpsertRowAsync(Entry(grain, "r", Start, TimeSpan.FromMinutes(1)));

        Assert.NotEqual(first, recreated);
        Assert.False(await Table.RemoveRowAsync(grain, "r", first));
    }

    [Fact]
    public async Task Range_queries_follow_the_ring_including_wrap_around()
    {
        // 24 grains sorted by hash; several hashes exceed int.MaxValue, which catches signed/unsigned mistakes.
        var grains = Enumerable.Range(0, 24)
            .Select(i => new GrainId("slot", $"L1-S{i:D3}"))
            .OrderBy(g => g.GetUniformHashCode())
            .ToArray();
        Assert.Contains(grains, g => g.GetUniformHashCode() > int.MaxValue);
        Assert.Contains(grains, g => g.GetUniformHashCode() < int.MaxValue);
        foreach (var grain in grains)
        {
            await Table.UpsertRowAsync(Entry(grain, "tick", Start, TimeSpan.FromMinutes(1)));
        }

        uint Hash(int index) => grains[index].GetUniformHashCode();
        async Task AssertRange(uint begin, uint end, IEnumerable<int> expected)
        {
            var rows = await Table.ReadRowsAsync(begin, end);
            Assert.Equal(
                expected.Select(i => grains[i].ToString()).Order(StringComparer.Ordinal),
                rows.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
        }

        // (begin, end]: begin excluded, end included.
        await AssertRange(Hash(4), Hash(12), Enumerable.Range(5, 8));
        // Wrap-around: above begin or at/below end.
        await AssertRange(Hash(19), Hash(2), [20, 21, 22, 23, 0, 1, 2]);
        // begin == end is the whole ring.
        await AssertRange(Hash(7), Hash(7), Enumerable.Range(0, 24));
        await AssertRange(0, 0, Enumerable.Range(0, 24));
        // Extremes of the uint range.
        await AssertRange(0, uint.MaxValue, Enumerable.Range(0, 24));
        await AssertRange(uint.MaxValue, Hash(0), [0]);
        await AssertRange(Hash(23), uint.MaxValue, []);
        // The two halves of a split ring partition the rows.
        var split = Hash(10);
        var lower = await Table.ReadRowsAsync(Hash(20), split);
        var upper = await Table.ReadRowsAsync(split, Hash(20));
        Assert.Equal(24, lower.Count + upper.Count);
        Assert.Empty(lower.Select(r => r.GrainId).Intersect(upper.Select(r => r.GrainId)));
    }

    protected abstract Task<IReminderTable> CreateTableAsync();

    protected virtual Task DisposeBackingAsync() => Task.CompletedTask;

    private static ReminderEntry Entry(GrainId grain, string name, DateTimeOffset startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };
}
