using System.Reflection;
using System.Text.RegularExpressions;
using Orleans.Storage;

namespace ParkingGrains.Storage.Tests.PostgreSql;

/// <summary>
/// What the Orleans AdoNet providers require of the database, read from the shipped assemblies themselves, so an
/// Orleans upgrade that adds a query key fails these tests instead of a silo's start.
/// </summary>
public static partial class OrleansAdoNetContract
{
    /// <summary>The tables the schema must create (PostgreSQL folds the unquoted names to lower case).</summary>
    public static readonly string[] Tables =
    [
        "orleansquery",
        "orleansmembershipversiontable",
        "orleansmembershiptable",
        "orleansstorage",
        "orleansreminderstable",
    ];

    /// <summary>
    /// The keys clustering requires: its internal DbStoredQueries checks, at start, that every one of its properties is
    /// a key of OrleansQuery.
    /// </summary>
    public static IReadOnlyList<string> ClusteringKeys => StoredQueryKeys("Orleans.Clustering.AdoNet.Storage.DbStoredQueries, Orleans.Clustering.AdoNet");

    /// <summary>The keys reminders require, by the same check.</summary>
    public static IReadOnlyList<string> ReminderKeys => StoredQueryKeys("Orleans.Reminders.AdoNet.Storage.DbStoredQueries, Orleans.Reminders.AdoNet");

    /// <summary>
    /// The keys grain storage loads: it does not use DbStoredQueries but its own query,
    /// <see cref="AdoNetGrainStorage.DefaultInitializationQuery"/> (DeleteStorageKey only when DeleteStateOnClear is set).
    /// </summary>
    public static IReadOnlyList<string> StorageKeys =>
        [.. QuotedKey().Matches(AdoNetGrainStorage.DefaultInitializationQuery).Select(m => m.Groups[1].Value)];

    public static IReadOnlyList<string> AllKeys => [.. ClusteringKeys, .. ReminderKeys, .. StorageKeys];

    private static string[] StoredQueryKeys(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        return [.. type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex("QueryKey = '([A-Za-z0-9]+)'")]
    private static partial Regex QuotedKey();
}
