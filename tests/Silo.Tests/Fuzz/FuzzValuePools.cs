namespace ParkingGrains.Silo.Tests.Fuzz;

/// <summary>
/// The ids that exist in the system under test (so generated calls reach the grains, not only the 404 path) and
/// the boundary and hostile values every generated field draws from.
/// </summary>
public sealed class FuzzValuePools
{
    public List<string> LotIds { get; } = [];

    public List<string> GateIds { get; } = [];

    public List<string> SlotIds { get; } = [];

    public List<string> FloorIds { get; } = [];

    public List<string> SessionIds { get; } = [];

    public List<string> Tickets { get; } = [];

    public List<string> CardIds { get; } = [];

    public List<string> ReservationIds { get; } = [];

    public static IReadOnlyList<string> HostileStrings { get; } =
    [
        "",
        " ",
        new string('A', 5_000),
        new string('9', 300),
        "\u202Eevil",
        "a\u200Bb\uFEFF",
        "'; DROP TABLE event_log; --",
        "<img src=x onerror=alert(1)>",
        "../../../etc/passwd",
        "%00",
        "line\nbreak\ttab\u0000nul",
        "😀🚗🅿️",
        "null",
        "\uD800",
    ];

    public static IReadOnlyList<string> Plates { get; } = ["51F-123.45", "30A-1234", "59-X1 123.45", "B-AB 1234", "ABC-1234", "b ab 1234"];

    public static IReadOnlyList<string> Currencies { get; } = ["EUR", "VND", "USD", "XXX", "eur", "EURO"];

    /// <summary>From the first day .NET can represent to the last, and the times a gate or a reservation would really send.</summary>
    public static IReadOnlyList<string> Times(DateTimeOffset now) =>
    [
        "0001-01-01T00:00:00Z",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59-14:00",
        "2020-01-01T00:00:00Z",
        "2026-02-30T00:00:00Z",
        "not a date",
        now.ToString("O"),
        now.AddMinutes(-1).ToString("O"),
        now.AddHours(-3).ToString("O"),
        now.AddDays(-30).ToString("O"),
        now.AddMinutes(30).ToString("O"),
        now.AddHours(2).ToString("O"),
        now.AddDays(3).ToString("O"),
        now.AddDays(400).ToString("O"),
        now.AddYears(50).ToString("O"),
    ];

    public static IReadOnlyList<object> Numbers { get; } =
    [
        0, 1, -1, 2, 30, 3600, 12.345, 0.001, -0.5, 1e6, 1e12, 1e30, int.MinValue, int.MaxValue, 2147483648L, long.MaxValue, "12.5", "abc",
    ];

    /// <summary>Known ids of the kind a field or parameter name asks for, or null when the name names no kind.</summary>
    public IReadOnlyList<string>? IdsFor(string name)
    {
        var n = name.ToUpperInvariant();
        return n switch
        {
            _ when n.Contains("SESSION", StringComparison.Ordinal) || n.Contains("TICKET", StringComparison.Ordinal) => [.. SessionIds, .. Tickets],
            _ when n.Contains("LOT", StringComparison.Ordinal) => LotIds,
            _ when n.Contains("GATE", StringComparison.Ordinal) => GateIds,
            _ when n.Contains("SLOT", StringComparison.Ordinal) => SlotIds,
            _ when n.Contains("FLOOR", StringComparison.Ordinal) => FloorIds,
            _ when n.Contains("CARD", StringComparison.Ordinal) => CardIds,
            _ when n.Contains("RESERVATION", StringComparison.Ordinal) => ReservationIds,
            _ => null,
        };
    }
}
