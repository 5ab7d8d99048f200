using System.Text.Json.Nodes;
using ParkingGrains.Storage.EventLog;

namespace ParkingGrains.Storage.Tests.EventLog;

/// <summary>The append rules every event log must share; run once per provider by the derived classes.</summary>
public abstract class EventLogContractTests : IAsyncLifetime
{
    protected const string Stream = "log";

    private static readonly DateTimeOffset s_day = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<IEventLogStorage> _created = [];

    protected IEventLogStorage Log { get; private set; } = null!;

    public async Task InitializeAsync() => Log = await NewSiloAsync();

    public async Task DisposeAsync()
    {
        foreach (var log in _created)
        {
            if (log is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        await DisposeBackingAsync();
    }

    [Fact]
    public async Task Append_then_read_round_trips_kind_time_and_payload()
    {
        var grain = NewGrain();
        var vietnam = TimeSpan.FromHours(7);
        var events = new[]
        {
            new EventToAppend("VehicleEntered", new DateTimeOffset(2025, 6, 1, 8, 30, 15, vietnam).AddTicks(1234560), """{"plate":"51A-123.45","gate":"g1","fee":null}"""),
            new EventToAppend("PaymentCaptured", s_day.AddHours(3), """{"amount":{"value":25000,"currency":"VND"},"method":"vietQr","tags":["ev","vip"],"note":"Xe máy"}"""),
        };

        await Log.AppendAsync(grain, Stream, 0, events);
        var read = await (await NewSiloAsync()).ReadAsync(grain, Stream, 0);

        Assert.Equal([1L, 2L], read.Select(e => e.Version));
        for (var i = 0; i < events.Length; i++)
        {
            Assert.Equal(events[i].Kind, read[i].Kind);
            Assert.Equal(events[i].OccurredAt.UtcDateTime, read[i].OccurredAt.UtcDateTime);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(events[i].PayloadJson), JsonNode.Parse(read[i].PayloadJson)), read[i].PayloadJson);
        }
    }

    [Fact]
    public async Task Read_of_a_missing_stream_is_empty()
    {
        Assert.Empty(await Log.ReadAsync(NewGrain(), Stream, 0));
    }

    [Fact]
    public async Task Versions_are_contiguous_across_appends_and_reads_are_ordered()
    {
        var grain = NewGrain();

        await Log.AppendAsync(grain, Stream, 0, Events(2, "a"));
        await Log.AppendAsync(grain, Stream, 2, Events(3, "b"));
        await Log.AppendAsync(grain, Stream, 5, Events(1, "c"));

        var read = await Log.ReadAsync(grain, Stream, 0);
        Assert.Equal(Enumerable.Range(1, 6).Select(v => (long)v), read.Select(e => e.Version));
        Assert.Equal(["a0", "a1", "b0", "b1", "b2", "c0"], read.Select(Tag));
    }

    [Fact]
    public async Task Read_after_a_version_returns_only_the_later_events()
    {
        var grain = NewGrain();
        await Log.AppendAsync(grain, Stream, 0, Events(5, "e"));

        Assert.Equal([4L, 5L], (await Log.ReadAsync(grain, Stream, 3)).Select(e => e.Version));
        Assert.Empty(await Log.ReadAsync(grain, Stream, 5));
        Assert.Empty(await Log.ReadAsync(grain, Stream, 9));
    }

    [Fact]
    public async Task An_append_with_a_stale_expected_version_throws_and_writes_nothing()
    {
        var grain = NewGrain();
        await Log.AppendAsync(grain, Stream, 0, Events(5, "ok"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => Log.AppendAsync(grain, Stream, 3, Events(1, "stale")));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Log.AppendAsync(grain, Stream, 3, Events(4, "stale")));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Log.AppendAsync(grain, Stream, 0, Events(1, "stale")));

        var read = await Log.ReadAsync(grain, Stream, 0);
        Assert.Equal(5, read.Count);
        Assert.All(read, e => Assert.StartsWith("ok", Tag(e), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_append_that_would_leave_a_gap_throws_and_writes_nothing()
    {
        var grain = NewGrain();
        await Assert.ThrowsAsync<InconsistentStateException>(() => Log.AppendAsync(grain, Stream, 1, Events(1, "gap")));
        Assert.Empty(await Log.ReadAsync(grain, Stream, 0));

        await Log.AppendAsync(grain, Stream, 0, Events(5, "ok"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Log.AppendAsync(grain, Stream, 7, Events(2, "gap")));

        Assert.Equal(5, (await Log.ReadAsync(grain, Stream, 0)).Count);
        await Log.AppendAsync(grain, Stream, 5, Events(1, "next"));
        Assert.Equal(6, (await Log.ReadAsync(grain, Stream, 0)).Count);
    }

    [Fact]
    public async Task An_empty_append_still_checks_the_expected_version()
    {
        var grain = NewGrain();
        await Log.AppendAsync(grain, Stream, 0, []);
        await Log.AppendAsync(grain, Stream, 0, Events(2, "e"));

        await Log.AppendAsync(grain, Stream, 2, []);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Log.AppendAsync(grain, Stream, 1, []));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Log.AppendAsync(grain, Stream, 3, []));
        Assert.Equal(2, (await Log.ReadAsync(grain, Stream, 0)).Count);
    }

    [Fact]
    public async Task Two_silos_appending_at_the_same_expected_version_exactly_one_wins_all_or_nothing()
    {
        var other = await NewSiloAsync();
        for (var round = 0; round < 10; round++)
        {
            var grain = NewGrain();
            await Log.AppendAsync(grain, Stream, 0, Events(round % 3, "base"));
            var expected = round % 3;

            // Multi-event appends, so a partial interleaving would show up as a mix of both writers' events.
            var results = await Task.WhenAll(
                Capture(() => Log.AppendAsync(grain, Stream, expected, Events(3, "a"))),
                Capture(() => other.AppendAsync(grain, Stream, expected, Events(3, "b"))));

            Assert.Single(results, r => r is null);
            Assert.Single(results, r => r is InconsistentStateException);
            var winner = results[0] is null ? "a" : "b";
            var read = await Log.ReadAsync(grain, Stream, expected);
            Assert.Equal(Enumerable.Range(expected + 1, 3).Select(v => (long)v), read.Select(e => e.Version));
            Assert.All(read, e => Assert.StartsWith(winner, Tag(e), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Streams_and_grains_are_separate()
    {
        var grain = NewGrain();
        var neighbour = GrainId.Create(grain.Type.ToString(), grain.Key.ToString() + "-2");
        await Log.AppendAsync(grain, "a", 0, Events(2, "a"));
        await Log.AppendAsync(grain, "b", 0, Events(1, "b"));
        await Log.AppendAsync(GrainId.Create("gate", grain.Key.ToString()), "a", 0, Events(3, "gate"));

        Assert.Equal(["a0", "a1"], (await Log.ReadAsync(grain, "a", 0)).Select(Tag));
        Assert.Equal(["b0"], (await Log.ReadAsync(grain, "b", 0)).Select(Tag));
        Assert.Empty(await Log.ReadAsync(neighbour, "a", 0));
        await Log.AppendAsync(neighbour, "a", 0, Events(1, "n"));
    }

    [Fact]
    public async Task Services_sharing_a_store_do_not_see_each_other()
    {
        var grain = NewGrain();
        await Log.AppendAsync(grain, Stream, 0, Events(2, "mine"));
        var other = await NewOtherServiceAsync();

        Assert.Empty(await other.ReadAsync(grain, Stream, 0));
        await Assert.ThrowsAsync<InconsistentStateException>(() => other.AppendAsync(grain, Stream, 2, Events(1, "theirs")));
        await other.AppendAsync(grain, Stream, 0, Events(1, "theirs"));

        Assert.Equal(["mine0", "mine1"], (await Log.ReadAsync(grain, Stream, 0)).Select(Tag));
        Assert.Equal(["theirs0"], (await other.ReadAsync(grain, Stream, 0)).Select(Tag));
    }

    [Fact]
    public async Task Many_streams_appending_concurrently_all_land_with_correct_versions()
    {
        const int streams = 64;
        const int appends = 50;
        var grains = Enumerable.Range(0, streams).Select(_ => NewGrain()).ToArray();

        await Task.WhenAll(grains.Select((grain, g) => Task.Run(async () =>
        {
            // Like a grain: sequential appends, each after the version the previous one produced; some carry two events.
            long version = 0;
            for (var i = 0; i < appends; i++)
            {
                var events = Events(1 + ((g + i) % 4 == 0 ? 1 : 0), $"{g}:{i}:");
                await Log.AppendAsync(grain, Stream, version, events);
                version += events.Count;
            }
        })));

        for (var g = 0; g < streams; g++)
        {
            var read = await Log.ReadAsync(grains[g], Stream, 0);
            var expected = Enumerable.Range(0, appends).SelectMany(i => Events(1 + ((g + i) % 4 == 0 ? 1 : 0), $"{g}:{i}:")).ToList();
            Assert.Equal(Enumerable.Range(1, expected.Count).Select(v => (long)v), read.Select(e => e.Version));
            Assert.Equal(expected.Select(e => e.Kind), read.Select(e => e.Kind));
        }
    }

    /// <summary>Midnight of the report test's day in a lot at UTC+7 (Vietnam).</summary>
    protected static DateTimeOffset ReportDayStart { get; } = new(2025, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));

    /// <summary>
    /// A lot's events around local 08:00: by local hour, 07 has 1 entry and no revenue, 08 has 2 entries and 30000
    /// in payments. The SQL providers' report tests query them straight from the table.
    /// </summary>
    protected static IReadOnlyList<EventToAppend> ReportDay { get; } =
    [
        new("VehicleEntered", ReportDayStart.AddHours(7).AddMinutes(59), """{"plate":"a"}"""),
        new("VehicleEntered", ReportDayStart.AddHours(8), """{"plate":"b"}"""),
        new("PaymentCaptured", ReportDayStart.AddHours(8).AddMinutes(10), """{"amount":25000}"""),
        new("VehicleEntered", ReportDayStart.AddHours(8).AddMinutes(59).AddSeconds(59), """{"plate":"c"}"""),
        new("PaymentCaptured", ReportDayStart.AddHours(8).AddMinutes(40), """{"amount":5000}"""),
    ];

    /// <summary>A log over the same backing store and service as <see cref="Log"/>, as a second silo would have.</summary>
    protected abstract Task<IEventLogStorage> CreateSiloLogAsync();

    /// <summary>A log over the same backing store for another service id.</summary>
    protected abstract Task<IEventLogStorage> CreateOtherServiceLogAsync();

    protected virtual Task DisposeBackingAsync() => Task.CompletedTask;

    protected async Task<IEventLogStorage> NewSiloAsync() => Track(await CreateSiloLogAsync());

    protected static GrainId NewGrain() => GrainId.Create("lot", Guid.NewGuid().ToString("N"));

    /// <summary>Events whose kind tags them ("tag0", "tag1", …) so a test can tell whose events landed.</summary>
    protected static List<EventToAppend> Events(int count, string tag) =>
        [.. Enumerable.Range(0, count).Select(i => new EventToAppend($"{tag}{i}", s_day.AddMinutes(i), $$"""{"tag":"{{tag}}","i":{{i}}}"""))];

    protected static string Tag(StoredEvent e) => e.Kind;

    protected static async Task<Exception?> Capture(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private async Task<IEventLogStorage> NewOtherServiceAsync() => Track(await CreateOtherServiceLogAsync());

    private IEventLogStorage Track(IEventLogStorage log)
    {
        _created.Add(log);
        return log;
    }
}
