using Npgsql;
using ParkingGrains.Storage.Sql;

namespace ParkingGrains.Storage.Sql;

/// <summary>
/// The write side shared by the PostgreSQL providers that group-commit (grain storage, event log): a data source
/// whose statements are auto-prepared, migrations applied on first use, and writer loops that send each batch as one
/// <see cref="NpgsqlBatch"/> (one round trip, one implicit transaction, one WAL flush). Each write is one conditional
/// statement whose row count tells whether its expected version still held.
/// </summary>
internal sealed class PostgreSqlGroupCommit<TWrite> : IAsyncDisposable
    where TWrite : class, IBatchedWrite
{
    private readonly Func<TWrite, NpgsqlBatchCommand> _createCommand;
    private readonly Func<TWrite, int> _rowsWhenApplied;
    private readonly AsyncInitializer _initializer;

    /// <param name="createCommand">The write's statement; it must change nothing when the expected version does not hold.</param>
    /// <param name="rowsWhenApplied">The statement's row count when the write applied.</param>
    public PostgreSqlGroupCommit(
        string connectionString,
        string component,
        IReadOnlyList<MigrationScript> migrations,
        int maxBatchSize,
        int maxConcurrentBatches,
        Func<TWrite, NpgsqlBatchCommand> createCommand,
        Func<TWrite, int> rowsWhenApplied)
    {
        _createCommand = createCommand;
        _rowsWhenApplied = rowsWhenApplied;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // The same few statements run millions of times: prepared once per connection they skip parse and plan.
            builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        }

        DataSource = builder.Build();
        _initializer = new AsyncInitializer(ct => PostgreSqlSchemaMigrator.MigrateAsync(DataSource, component, migrations, ct));
        Batcher = new WriteBatcher<TWrite>(maxBatchSize, maxConcurrentBatches, ExecuteBatchAsync, PostgreSqlErrors.IsTransient);
    }

    public NpgsqlDataSource DataSource { get; }

    public WriteBatcher<TWrite> Batcher { get; }

    /// <summary>Applies pending schema migrations, once.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initializer.EnsureAsync(cancellationToken);

    /// <summary>Queues the write; completes with its new version once its batch committed.</summary>
    public async Task<long> WriteAsync(TWrite write)
    {
        await _initializer.EnsureAsync().ConfigureAwait(false);
        return await Batcher.EnqueueAsync(write).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Batcher.DisposeAsync().ConfigureAwait(false);
        await DataSource.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<bool[]> ExecuteBatchAsync(IReadOnlyList<TWrite> writes, CancellationToken cancellationToken)
    {
        // Statements run in row order so two batches touching the same rows lock them in the same order.
        var order = BatchOrder.ByRow(writes);

        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var index in order)
        {
            batch.BatchCommands.Add(_createCommand(writes[index]));
        }

        try
        {
            // A multi-statement batch is one implicit transaction: when this returns, every statement has committed.
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (writes.Count == 1 && PostgreSqlErrors.IsUniqueViolation(ex))
        {
            // A concurrent writer inserted the same key and committed first. In a larger batch the error is rethrown
            // instead: the whole batch rolled back, and the batcher re-runs each write alone so only this one fails.
            return [false];
        }

        var applied = new bool[writes.Count];
        for (var i = 0; i < order.Length; i++)
        {
            applied[order[i]] = batch.BatchCommands[i].RecordsAffected == _rowsWhenApplied(writes[order[i]]);
        }

        return applied;
    }
}
