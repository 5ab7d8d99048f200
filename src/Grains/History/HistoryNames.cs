using System.Text.Json;
using ParkingGrains.Grains.Lots.Events;

namespace ParkingGrains.Grains.History;

/// <summary>How lot events appear in event_log: kind is the event's type name, enums are camelCase strings.</summary>
internal static class HistoryNames
{
    public const string LotGrainType = "lot";
    public const string LotStream = "lot";
    public const string Entered = nameof(VehicleEntered);
    public const string Exited = nameof(VehicleExited);
    public const string ForceClosed = nameof(SessionForceClosed);
    public const string Payment = nameof(PaymentRecorded);
    public const string Refund = nameof(RefundRecorded);
    public const string Configured = nameof(LotConfigured);

    public static string? Json<TEnum>(TEnum? value)
        where TEnum : struct, Enum =>
        value is { } v ? JsonNamingPolicy.CamelCase.ConvertName(v.ToString()) : null;

    public static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum =>
        string.IsNullOrEmpty(text) ? null : Enum.Parse<TEnum>(text, ignoreCase: true);
}
