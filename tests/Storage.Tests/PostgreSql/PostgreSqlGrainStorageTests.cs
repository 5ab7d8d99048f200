using System.Text;
using System.Text.Json;
using Orleans.Storage;
using Orleans.TestingHost;
using ParkingGrains.Storage.Hosting;
using ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

namespace ParkingGrains.Storage.Tests.PostgreSql;

/// <summary>The real AdoNet grain storage provider on our schema, inside a one-silo cluster.</summary>
[Collection(OrleansClusterCollection.Name)]
public sealed class PostgreSqlGrainStorageTests : IAsyncLifetime
{
    private PostgreSqlTestDatabase _db = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgreSqlTestDatabase.CreateAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        var connectionString = _db.ConnectionString;
        builder.ConfigureSilo((_, silo) => silo.AddPostgreSqlGrainStorage("Default", connectionString));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task State_written_survives_deactivation_and_is_stored_as_plain_json()
    {
        var grain = _cluster.Client.GetGrain<IJsonStateGrain>("lot-7");

        await grain.SetAsync("Gate A", 3, JsonTestColor.Blue);
        await _cluster.DeactivateAsync(grain);

        Assert.Equal("Gate A", await grain.GetNameAsync());
        Assert.Equal(3, await grain.GetCountAsync());
        Assert.Equal(JsonTestColor.Blue, await grain.GetColorAsync());

        var json = await _db.ScalarAsync<string>("SELECT convert_from(PayloadBinary, 'UTF8') FROM OrleansStorage");
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Gate A", document.RootElement.GetProperty("name").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("count").GetInt32());
        Assert.Equal("blue", document.RootElement.GetProperty("color").GetString());

        // The row's key is the state name and the string key; the version counts the one write.
        Assert.Equal("jsonTest", await _db.ScalarAsync<string>("SELECT GrainTypeString FROM OrleansStorage"));
        Assert.Equal("lot-7", await _db.ScalarAsync<string>("SELECT GrainIdExtensionString FROM OrleansStorage"));
        Assert.Equal(1, await _db.ScalarAsync<int>("SELECT Version FROM OrleansStorage"));
    }

    [Fact]
    public async Task A_write_after_the_row_moved_behind_the_grains_back_throws_InconsistentStateException()
    {
        var grain = _cluster.Client.GetGrain<IJsonStateGrain>("lot-8");
        await grain.SetAsync("first", 1, JsonTestColor.Red);

        // Another writer (a second activation in a split cluster, or an operator) moves the row on.
        var other = Encoding.UTF8.GetBytes("""{"name":"other","count":99,"color":"red"}""");
        await _db.ExecuteAsync(
            $"UPDATE OrleansStorage SET Version = Version + 1, PayloadBinary = decode('{Convert.ToHexString(other)}', 'hex')");

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync("stale", 2, JsonTestColor.Blue));

        // The other writer's state stands, and a fresh activation reads it.
        await _cluster.DeactivateAsync(grain);
        Assert.Equal("other", await grain.GetNameAsync());
        Assert.Equal(99, await grain.GetCountAsync());
    }

    [Fact]
    public async Task A_first_write_when_another_activation_inserted_the_row_first_throws_InconsistentStateException()
    {
        // A row with the exact key values the provider computes: let the grain write it once, then set it aside.
        var grain = _cluster.Client.GetGrain<IJsonStateGrain>("lot-9");
        await grain.SetAsync("winner", 1, JsonTestColor.Red);
        await _cluster.DeactivateAsync(grain);
        await _db.ExecuteAsync("CREATE TABLE aside AS SELECT * FROM OrleansStorage; DELETE FROM OrleansStorage");

        // A new activation reads no row, so its next write is an insert...
        Assert.Equal("", await grain.GetNameAsync());

        // ...but a concurrent activation inserts first.
        await _db.ExecuteAsync("INSERT INTO OrleansStorage SELECT * FROM aside");

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync("loser", 2, JsonTestColor.Blue));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage"));
        Assert.Contains("winner", await _db.ScalarAsync<string>("SELECT convert_from(PayloadBinary, 'UTF8') FROM OrleansStorage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clearing_state_keeps_the_version_sequence_and_reads_back_empty()
    {
        var grain = _cluster.Client.GetGrain<IJsonStateGrain>("lot-10");
        await grain.SetAsync("to clear", 5, JsonTestColor.Blue);

        await grain.ClearAsync();
        await _cluster.DeactivateAsync(grain);

        Assert.Equal("", await grain.GetNameAsync());
        Assert.True(await _db.ScalarAsync<bool>("SELECT PayloadBinary IS NULL FROM OrleansStorage"));
        Assert.Equal(2, await _db.ScalarAsync<int>("SELECT Version FROM OrleansStorage"));
        await grain.SetAsync("again", 6, JsonTestColor.Red);
        Assert.Equal(3, await _db.ScalarAsync<int>("SELECT Version FROM OrleansStorage"));
    }
}
