using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Data.Sqlite;
using ParkingGrains.GateAgent.Journal;

namespace ParkingGrains.GateAgent.Tests.Journal;

/// <summary>The lane's outbox survives a crash image, a torn write-ahead log and a damaged file.</summary>
public sealed class LaneJournalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pg-lane-journal-").FullName;

    [Fact]
    public void TheOutbox_KeepsItsOrder_AcrossReopening_AndAnEventIsQueuedOnce()
    {
        var path = Path.Combine(_folder, "lane.db");
        using (var journal = LaneJournal.Open(path, NullLogger.Instance))
        {
            journal.Enqueue("a", OutboxKind.Entry, "{}", "offline", DateTimeOffset.UtcNow);
            journal.Enqueue("b", OutboxKind.Exit, "{}", "offline", DateTimeOffset.UtcNow);
            journal.Enqueue("a", OutboxKind.Entry, "{}", "offline", DateTimeOffset.UtcNow);
        }

        using var reopened = LaneJournal.Open(path, NullLogger.Instance);
        Assert.Equal(["a", "b"], reopened.Pending().Select(p => p.EventId));
        reopened.Complete(reopened.Pending()[0], "entered", conflict: false, DateTimeOffset.UtcNow);
        Assert.Equal(["b"], reopened.Pending().Select(p => p.EventId));
        Assert.Equal("a", Assert.Single(reopened.Completed(10)).EventId);
    }

    [Fact]
    public void ACrashImageWithATornLogTail_OpensWithEveryCommittedEvent()
    {
        var path = Path.Combine(_folder, "lane.db");
        var copy = Path.Combine(_folder, "crash.db");
        using (var journal = LaneJournal.Open(path, NullLogger.Instance))
        {
            for (var i = 0; i < 20; i++)
            {
                journal.Enqueue($"e{i}", OutboxKind.Entry, "{}", "offline", DateTimeOffset.UtcNow);
            }

            // What is on disk while the process runs is what a kill -9 leaves: the database and its write-ahead log.
            File.Copy(path, copy);
            File.Copy(path + "-wal", copy + "-wal");
        }

        // The last write was cut short: a partial frame at the end of the log.
        using (var wal = new FileStream(copy + "-wal", FileMode.Append))
        {
            wal.Write(new byte[1500].Select((_, i) => (byte)(i * 7)).ToArray());
        }

        using var recovered = LaneJournal.Open(copy, NullLogger.Instance);
        Assert.Null(recovered.RecoveredFrom);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"e{i}"), recovered.Pending().Select(p => p.EventId));
    }

    [Fact]
    public void AFileThatIsNotADatabase_IsMovedAside_AndANewJournalStarts()
    {
        var path = Path.Combine(_folder, "lane.db");
        File.WriteAllBytes(path, new byte[8192].Select((_, i) => (byte)(i % 251)).ToArray());
        using var journal = LaneJournal.Open(path, NullLogger.Instance);
        Assert.NotNull(journal.RecoveredFrom);
        Assert.True(File.Exists(journal.RecoveredFrom));
        Assert.Equal(0, journal.OutboxLength);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
