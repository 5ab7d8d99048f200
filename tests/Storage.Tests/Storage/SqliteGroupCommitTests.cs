using ParkingGrains.Storage.GrainState;
using ParkingGrains.Storage.GrainState.Sqlite;

namespace ParkingGrains.Storage.Tests.Storage;

public sealed class SqliteGroupCommitTests
{
    [Fact]
    public async Task Reads_run_on_the_thread_pool_not_on_the_callers_thread()
    {
        // Microsoft.Data.Sqlite's async calls complete synchronously: a read must not run on a grain's scheduler thread.
        using var file = new TempSqliteFile();
        await using var commit = new SqliteGroupCommit<PendingWrite>(
            file.ConnectionString, SqliteGrainStorage.MigrationComponent, SqliteGrainStorage.Migrations, maxBatchSize: 8,
            (_, writes, _) => Task.FromResult(new bool[writes.Count]));
        await commit.InitializeAsync();

        var caller = new TaskCompletionSource<(int CallerThread, Task<(int ReadThread, bool OnPool, long One)> Read)>();
        var thread = new Thread(() =>
        {
            var read = commit.ReadAsync(async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                var one = (long)(await command.ExecuteScalarAsync())!;
                return (Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread, one);
            });
            caller.SetResult((Environment.CurrentManagedThreadId, read));
        });
        thread.Start();

        var (callerThread, pending) = await caller.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var (readThread, onPool, value) = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, value);
        Assert.True(onPool);
        Assert.NotEqual(callerThread, readThread);
    }
}
