using System.Globalization;
using System.Text.Json;

namespace ParkingGrains.History;

/// <summary>One line per event for the audit view, from the stored payload (so old events read as they were written).</summary>
internal static class HistorySummary
{
    public static string Summarize(string kind, string payloadJson)
    {
        using var document = JsonDocument.Parse(payloadJson);
        var p = document.RootElement;
        return kind switch
        {
            "VehicleEntered" => $"{Vehicle(p)} ({S(p, "vehicleClass")}) entered at {S(p, "gateId")}, slot {S(p, "slotId")}, session {S(p, "sessionId")}" +
                (B(p, "flagged") ? ", flagged" : "") + (B(p, "subscriber") ? ", subscriber" : ""),
            "EntryDenied" => $"{Vehicle(p)} ({S(p, "vehicleClass")}) denied at {S(p, "gateId")}: {S(p, "reason")}",
            "VehicleExited" => $"Session {S(p, "sessionId")} left from slot {S(p, "slotId")} at {S(p, "gateId")}, fee {M(p, "fee")}, paid {M(p, "amountPaid")}" +
                (B(p, "lostTicket") ? ", lost ticket" : ""),
            "ExitDenied" => $"Exit denied at {S(p, "gateId")}" + (S(p, "sessionId") is { Length: > 0 } s ? $" for session {s}" : "") + $": {S(p, "reason")}",
            "PaymentRecorded" => $"{M(p, "amount")} by {S(p, "method")} for session {S(p, "sessionId")}" +
                (S(p, "reference") is { Length: > 0 } r ? $" (ref {r})" : ""),
            "PaymentRejected" => $"Payment rejected: {S(p, "reason")}",
            "RefundRecorded" => $"{M(p, "amount")} refunded by {S(p, "method")} for session {S(p, "sessionId")}: {S(p, "reason")}",
            "SessionForceClosed" => $"Session {S(p, "sessionId")} force-closed by {S(p, "operator")}: {S(p, "reason")}",
            "SlotOverridden" => $"Slot {S(p, "slotId")} set to {S(p, "override")} by {S(p, "operator")}: {S(p, "reason")}",
            "SlotOverrideRejected" => $"Slot override rejected: {S(p, "reason")}",
            "ReservationBooked" => p.TryGetProperty("reservation", out var r2)
                ? $"Reservation {S(r2, "reservationId")} for {S(r2, "plate")} booked"
                : "Reservation booked",
            "ReservationRejected" => $"Reservation rejected: {S(p, "reason")}",
            "ReservationCancelled" => $"Reservation {S(p, "reservationId")} cancelled",
            "ReservationHeld" => $"Reservation {S(p, "reservationId")} holds slot {S(p, "slotId")}",
            "ReservationExpired" => $"Reservation {S(p, "reservationId")} expired unclaimed",
            "LotConfigured" => p.TryGetProperty("layout", out var layout)
                ? $"Configured: {S(layout, "name")}, {Count(layout, "slots")} slots, {Count(layout, "gates")} gates, {S(layout, "timeZoneId")}, {S(layout, "currency")}"
                : "Configured",
            _ => kind,
        };
    }

    private static string Vehicle(JsonElement p) => S(p, "plate") is { Length: > 0 } plate ? plate : S(p, "cardId") is { Length: > 0 } card ? $"card {card}" : "unknown vehicle";

    private static string S(JsonElement p, string name) =>
        p.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => value.GetRawText(),
        } : "";

    private static bool B(JsonElement p, string name) => p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string M(JsonElement p, string name) =>
        p.TryGetProperty(name, out var money) && money.ValueKind == JsonValueKind.Object && money.TryGetProperty("amount", out var amount)
            ? $"{amount.GetDecimal().ToString("0.##", CultureInfo.InvariantCulture)} {S(money, "currency")}"
            : "";

    private static int Count(JsonElement p, string name) =>
        p.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : 0;
}
