using Orleans.Storage;

namespace ParkingGrains.Storage.Tests.Storage;

/// <summary>The ETag semantics every grain storage must share; run once per provider by the derived classes.</summary>
public abstract class GrainStorageContractTests : IAsyncLifetime
{
    private const string StateName = "state";

    private readonly List<IGrainStorage> _created = [];

    protected IGrainStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync() => Storage = await NewSiloAsync();

    public async Task DisposeAsync()
    {
        foreach (var storage in _created)
        {
            if (storage is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        await DisposeBackingAsync();
    }

    [Fact]
    public async Task Read_of_missing_row_gives_default_state_without_etag()
    {
        var state = new GrainState<TestState>(new TestState { Count = 99 });

        await Storage.ReadStateAsync(StateName, NewGrain(), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State!.Count);
    }

    [Fact]
    public async Task Write_then_read_round_trips_state_and_etag()
    {
        var grain = NewGrain();
        var written = new GrainState<TestState>(new TestState { Plate = "51A-123.45", Count = 3, Status = TestSlotStatus.OutOfService, Tags = ["ev", "vip"] });

        await Storage.WriteStateAsync(StateName, grain, written);
        var read = new GrainState<TestState>(new TestState());
        await (await NewSiloAsync()).ReadStateAsync(StateName, grain, read);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("51A-123.45", read.State!.Plate);
        Assert.Equal(3, read.State!.Count);
        Assert.Equal(TestSlotStatus.OutOfService, read.State!.Status);
        Assert.Equal(["ev", "vip"], read.State!.Tags);
    }

    [Fact]
    public async Task Successive_writes_move_the_etag_and_a_stale_etag_throws()
    {
        var grain = NewGrain();
        var state = new GrainState<TestState>(new TestState());
        await Storage.WriteStateAsync(StateName, grain, state);
        var stale = new GrainState<TestState>(new TestState { Count = -1 }) { ETag = state.ETag, RecordExists = true };

        state.State!.Count = 1;
        await Storage.WriteStateAsync(StateName, grain, state);

        Assert.NotEqual(stale.ETag, state.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, stale));
        Assert.Equal(1, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task A_first_write_over_an_existing_row_throws()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Count = 1 }));

        var duplicate = new GrainState<TestState>(new TestState { Count = 2 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, duplicate));

        Assert.Null(duplicate.ETag);
        Assert.False(duplicate.RecordExists);
        Assert.Equal(1, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task An_etag_this_storage_never_issued_throws()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState()));

        var forged = new GrainState<TestState>(new TestState()) { ETag = "not-a-version" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, forged));
    }

    [Fact]
    public async Task Concurrent_first_inserts_from_two_silos_exactly_one_succeeds()
    {
        var other = await NewSiloAsync();
        for (var round = 0; round < 10; round++)
        {
            var grain = NewGrain();
            var a = new GrainState<TestState>(new TestState { Count = 1 });
            var b = new GrainState<TestState>(new TestState { Count = 2 });

            var results = await Task.WhenAll(
                Capture(() => Storage.WriteStateAsync(StateName, grain, a)),
                Capture(() => other.WriteStateAsync(StateName, grain, b)));

            Assert.Single(results, r => r is null);
            Assert.Single(results, r => r is InconsistentStateException);
            var winner = results[0] is null ? a : b;
            var read = await ReadAsync(grain);
            Assert.Equal(winner.State!.Count, read.State!.Count);
            Assert.Equal(winner.ETag, read.ETag);
        }
    }

    [Fact]
    public async Task Clear_keeps_the_version_moving_so_stale_writers_cannot_resurrect_the_state()
    {
        var grain = NewGrain();
        var state = new GrainState<TestState>(new TestState { Count = 5 });
        await Storage.WriteStateAsync(StateName, grain, state);
        var staleETag = state.ETag;

        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(staleETag, state.ETag);
        var read = await ReadAsync(grain);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(0, read.State!.Count);

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Count = 6 }) { ETag = staleETag }));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Count = 7 })));

        // The current holder of the post-clear ETag may write again.
        state.State!.Count = 8;
        await Storage.WriteStateAsync(StateName, grain, state);
        Assert.True(state.RecordExists);
        Assert.Equal(8, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task Clear_of_a_never_written_state_creates_a_tombstone()
    {
        var grain = NewGrain();
        var state = new GrainState<TestState>(new TestState());

        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.NotNull(state.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState())));
    }

    [Fact]
    public async Task State_names_and_grains_are_separate_rows()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync("a", grain, new GrainState<TestState>(new TestState { Count = 1 }));
        await Storage.WriteStateAsync("b", grain, new GrainState<TestState>(new TestState { Count = 2 }));

        var a = new GrainState<TestState>(new TestState());
        var b = new GrainState<TestState>(new TestState());
        await Storage.ReadStateAsync("a", grain, a);
        await Storage.ReadStateAsync("b", grain, b);

        Assert.Equal(1, a.State!.Count);
        Assert.Equal(2, b.State!.Count);
        Assert.False((await ReadAsync(NewGrain())).RecordExists);
    }

    [Fact]
    public async Task Sequential_writes_by_many_grains_in_parallel_all_land()
    {
        const int grains = 32;
        const int writes = 20;
        var ids = Enumerable.Range(0, grains).Select(_ => NewGrain()).ToArray();

        await Task.WhenAll(ids.Select(async id =>
        {
            var state = new GrainState<TestState>(new TestState());
            for (var i = 1; i <= writes; i++)
            {
                state.State!.Count = i;
                await Storage.WriteStateAsync(StateName, id, state);
            }
        }));

        foreach (var id in ids)
        {
            var read = await ReadAsync(id);
            Assert.Equal(writes, read.State!.Count);
            Assert.Equal(writes.ToString(System.Globalization.CultureInfo.InvariantCulture), read.ETag);
        }
    }

    /// <summary>A provider over the same backing store as <see cref="Storage"/>, as a second silo would have.</summary>
    protected abstract Task<IGrainStorage> CreateSiloStorageAsync();

    protected virtual Task DisposeBackingAsync() => Task.CompletedTask;

    protected async Task<IGrainStorage> NewSiloAsync()
    {
        var storage = await CreateSiloStorageAsync();
        _created.Add(storage);
        return storage;
    }

    protected static GrainId NewGrain() => GrainId.Create("slot", Guid.NewGuid().ToString("N"));

    protected async Task<GrainState<TestState>> ReadAsync(GrainId grain)
    {
        var state = new GrainState<TestState>(new TestState());
        await Storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

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
}
