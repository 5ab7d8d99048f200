namespace ParkingGrains.Storage.Tests.Reminders;

/// <summary>Orleans' <see cref="IReminderTable"/> contract as every table must keep it; run once per provider by the derived classes.</summary>
public abstract class ReminderTableContractTests : IAsyncLifetime
{
    // Whole seconds: every provider stores at least millisecond precision.
    private static readonly DateTime Start = new(2026, 11, 21, 8, 30, 15, DateTimeKind.Utc);

    protected IReminderTable Table { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Table = await CreateTableAsync();
        await Table.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Table.StopAsync();
        if (Table is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await DisposeBackingAsync();
    }

    [Fact]
    public async Task Upsert_then_read_round_trips_the_row()
    {
        var grain = GrainId.Create("session", "S-1");
        var startAt = Start.AddTicks(1_234_560); // 123.456 ms: microseconds survive

        var eTag = await UpsertAsync(Entry(grain, "expire", startAt, TimeSpan.FromMinutes(15)));
        var row = await Table.ReadRow(grain, "expire");

        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("expire", row.ReminderName);
        Assert.Equal(startAt, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(15), row.Period);
        Assert.Equal(eTag, row.ETag);
        Assert.Null(await Table.ReadRow(grain, "other"));
        Assert.Null(await Table.ReadRow(GrainId.Create("session", "S-2"), "expire"));
    }

    [Fact]
    public async Task A_local_start_time_is_stored_as_the_same_instant()
    {
        var grain = GrainId.Create("session", "S-local");
        var local = Start.ToLocalTime();

        await UpsertAsync(Entry(grain, "expire", local, TimeSpan.FromMinutes(1)));

        Assert.Equal(Start, (await Table.ReadRow(grain, "expire"))!.StartAt);
    }

    [Fact]
    public async Task Upsert_replaces_the_row_and_changes_the_etag()
    {
        var grain = GrainId.Create("session", "S-1");
        var first = await UpsertAsync(Entry(grain, "expire", Start, TimeSpan.FromMinutes(1)));

        var second = await UpsertAsync(Entry(grain, "expire", Start.AddHours(1), TimeSpan.FromMinutes(2)));

        Assert.NotEqual(first, second);
        var row = await Table.ReadRow(grain, "expire");
        Assert.Equal(Start.AddHours(1), row!.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(2), row.Period);
        Assert.Equal(second, row.ETag);
        Assert.Single((await Table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Upsert_is_unconditional_whatever_etag_the_entry_carries()
    {
        // Orleans upserts with the entry's ETag unset or stale; only RemoveRow is conditional.
        var grain = GrainId.Create("session", "S-3");
        var first = await UpsertAsync(Entry(grain, "expire", Start, TimeSpan.FromMinutes(1)));
        await UpsertAsync(Entry(grain, "expire", Start, TimeSpan.FromMinutes(2)));

        var stale = Entry(grain, "expire", Start, TimeSpan.FromMinutes(3));
        stale.ETag = first;
        var third = await UpsertAsync(stale);

        Assert.Equal(third, (await Table.ReadRow(grain, "expire"))!.ETag);
        Assert.Equal(TimeSpan.FromMinutes(3), (await Table.ReadRow(grain, "expire"))!.Period);
    }

    [Fact]
    public async Task Rows_of_one_grain_are_read_together()
    {
        var grain = GrainId.Create("lot", "L-1");
        await UpsertAsync(Entry(grain, "a", Start, TimeSpan.FromMinutes(1)));
        await UpsertAsync(Entry(grain, "b", Start, TimeSpan.FromMinutes(1)));
        await UpsertAsync(Entry(GrainId.Create("lot", "L-2"), "a", Start, TimeSpan.FromMinutes(1)));

        var rows = await Table.ReadRows(grain);

        Assert.Equal(["a", "b"], rows.Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
        Assert.Empty((await Table.ReadRows(GrainId.Create("lot", "L-none"))).Reminders);
    }

    [Fact]
    public async Task Remove_is_conditional_on_the_etag()
    {
        var grain = GrainId.Create("gate", "G-1");
        var old = await UpsertAsync(Entry(grain, "heartbeat", Start, TimeSpan.FromMinutes(1)));
        var current = await UpsertAsync(Entry(grain, "heartbeat", Start, TimeSpan.FromMinutes(5)));

        Assert.False(await Table.RemoveRow(grain, "heartbeat", old));
        Assert.False(await Table.RemoveRow(grain, "heartbeat", "garbage"));
        Assert.NotNull(await Table.ReadRow(grain, "heartbeat"));

        Assert.True(await Table.RemoveRow(grain, "heartbeat", current));
        Assert.Null(await Table.ReadRow(grain, "heartbeat"));
        Assert.False(await Table.RemoveRow(grain, "heartbeat", current));
    }

    [Fact]
    public async Task A_recreated_reminder_never_reuses_an_old_etag()
    {
        var grain = GrainId.Create("gate", "G-2");
        var first = await UpsertAsync(Entry(grain, "r", Start, TimeSpan.FromMinutes(1)));
        Assert.True(await Table.RemoveRow(grain, "r", first));

        var recreated = await UpsertAsync(Entry(grain, "r", Start, TimeSpan.FromMinutes(1)));

        Assert.NotEqual(first, recreated);
        Assert.False(await Table.RemoveRow(grain, "r", first));
        Assert.NotNull(await Table.ReadRow(grain, "r"));
    }

    [Fact]
    public async Task Range_queries_follow_the_ring_including_wrap_around()
    {
        // 24 grains sorted by hash; several hashes exceed int.MaxValue, which catches signed/unsigned mistakes.
        var grains = Enumerable.Range(0, 24)
            .Select(i => GrainId.Create("slot", $"L1-S{i:D3}"))
            .OrderBy(g => g.GetUniformHashCode())
            .ToArray();
        Assert.Contains(grains, g => g.GetUniformHashCode() > int.MaxValue);
        Assert.Contains(grains, g => g.GetUniformHashCode() < int.MaxValue);
        foreach (var grain in grains)
        {
            await UpsertAsync(Entry(grain, "tick", Start, TimeSpan.FromMinutes(1)));
        }

        uint Hash(int index) => grains[index].GetUniformHashCode();
        async Task AssertRange(uint begin, uint end, IEnumerable<int> expected)
        {
            var rows = await Table.ReadRows(begin, end);
            Assert.Equal(
                expected.Select(i => grains[i].ToString()).Order(StringComparer.Ordinal),
                rows.Reminders.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
        }

        // (begin, end]: begin excluded, end included.
        await AssertRange(Hash(4), Hash(12), Enumerable.Range(5, 8));
        // Wrap-around (begin > end): above begin or at/below end.
        await AssertRange(Hash(19), Hash(2), [20, 21, 22, 23, 0, 1, 2]);
        // begin == end is the whole ring (Orleans' full range for a single silo).
        await AssertRange(Hash(7), Hash(7), Enumerable.Range(0, 24));
        await AssertRange(0, 0, Enumerable.Range(0, 24));
        // Extremes of the uint range.
        await AssertRange(0, uint.MaxValue, Enumerable.Range(0, 24));
        await AssertRange(uint.MaxValue, Hash(0), [0]);
        await AssertRange(Hash(23), uint.MaxValue, []);
        // The two halves of a split ring partition the rows.
        var split = Hash(10);
        var lower = (await Table.ReadRows(Hash(20), split)).Reminders;
        var upper = (await Table.ReadRows(split, Hash(20))).Reminders;
        Assert.Equal(24, lower.Count + upper.Count);
        Assert.Empty(lower.Select(r => r.GrainId).Intersect(upper.Select(r => r.GrainId)));
    }

    [Fact]
    public async Task Clearing_the_table_removes_every_row()
    {
        await UpsertAsync(Entry(GrainId.Create("lot", "L-1"), "a", Start, TimeSpan.FromMinutes(1)));
        await UpsertAsync(Entry(GrainId.Create("lot", "L-2"), "b", Start, TimeSpan.FromMinutes(1)));

        await Table.TestOnlyClearTable();

        Assert.Empty((await Table.ReadRows(0, 0)).Reminders);
    }

    protected abstract Task<IReminderTable> CreateTableAsync();

    protected virtual Task DisposeBackingAsync() => Task.CompletedTask;

    protected static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };

    /// <summary>Upserts and returns the new ETag, which the contract says is never null.</summary>
    protected async Task<string> UpsertAsync(ReminderEntry entry)
    {
        var eTag = await Table.UpsertRow(entry);
        Assert.False(string.IsNullOrEmpty(eTag));
        return eTag;
    }
}
