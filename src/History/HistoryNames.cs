using System.Text.Json;

namespace ParkingGrains.History;

/// <summary>
/// How lot events appear in event_log: kind is the event's type name (the lot's event classes; a Grains test checks
/// the names match), enums are camelCase strings.
/// </summary>
public static class HistoryNames
{
    public const string LotGrainType = "lot";
    public const string LotStream = "lot";
    public const string Entered = "VehicleEntered";
    public const string Exited = "VehicleExited";
    public const string ForceClosed = "SessionForceClosed";
    public const string Payment = "PaymentRecorded";
    public const string Refund = "RefundRecorded";
    public const string Configured = "LotConfigured";

    public static string? Json<TEnum>(TEnum? value)
        where TEnum : struct, Enum =>
        value is { } v ? JsonNamingPolicy.CamelCase.ConvertName(v.ToString()) : null;

    public static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum =>
        string.IsNullOrEmpty(text) ? null : Enum.Parse<TEnum>(text, ignoreCase: true);
}
