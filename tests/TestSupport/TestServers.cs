namespace ParkingGrains.TestSupport;

/// <summary>
/// Connection settings of the real servers that ./test.sh starts (scripts/services.sh). A test that needs a
/// server fails with a clear message when it is missing; it never silently skips.
/// </summary>
public static class TestServers
{
    public static string PostgreSql => Require("PARKINGGRAINS_TEST_POSTGRES", "PostgreSQL");

    public static string Redis => Require("PARKINGGRAINS_TEST_REDIS", "Redis");

    public static string Mqtt => Require("PARKINGGRAINS_TEST_MQTT", "Mosquitto");

    /// <summary>A fresh id so tests sharing one server never see each other's rows.</summary>
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, prefix.Length + 33)];

    private static string Require(string variable, string server) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{server} is required by this test but {variable} is not set. Run ./test.sh, or scripts/services.sh start and source .run/services.env.");
}
