using ParkingGrains.WebApi.Errors;
using System.Globalization;
using ParkingGrains.History;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.WebApi.Reports;

/// <summary>A validated report request: the range as instants, the bucket, the split and the lot (with its layout) if one.</summary>
internal sealed record ReportParameters(
    DateTimeOffset From,
    DateTimeOffset To,
    HistoryBucket Bucket,
    RevenueGrouping By,
    ReportFormat Format,
    string? LotId,
    LotLayout? Layout,
    TimeZoneInfo? Zone)
{
    /// <summary>A year, leap years included; hourly buckets beyond that are more than anyone reads.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    // Reports cover what a lot can have recorded: nothing before the product existed, nothing in the far future.
    private static readonly DateTimeOffset s_earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Checks every parameter and reports all problems at once, keyed by parameter name. The zone is the requested one,
    /// else the lot's, else <paramref name="defaultZone"/> (the one all lots share), else none (UTC for dates).
    /// </summary>
    public static (ReportParameters? Parameters, Dictionary<string, string[]> Errors) Parse(
        ReportRequest request, bool revenue, LotLayout? layout, TimeZoneInfo? defaultZone = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        var bucket = HistoryBucket.Day;
        switch (request.GroupBy?.Trim().ToUpperInvariant())
        {
            case null or "" or "DAY":
                break;
            case "HOUR":
                bucket = HistoryBucket.Hour;
                break;
            default:
                errors["groupBy"] = [$"'{Echo.Bounded(request.GroupBy)}' is not one of day, hour."];
                break;
        }

        var format = ReportFormat.Html;
        if (!string.IsNullOrWhiteSpace(request.Format) && !TryParseFormat(request.Format, out format))
        {
            errors["format"] = [$"'{Echo.Bounded(request.Format)}' is not one of html, csv, pdf, json."];
        }

        var by = RevenueGrouping.None;
        foreach (var part in (request.By ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            RevenueGrouping? one = part.ToUpperInvariant() switch
            {
                "LOT" => RevenueGrouping.Lot,
                "CLASS" => RevenueGrouping.VehicleClass,
                "METHOD" when revenue => RevenueGrouping.PaymentMethod,
                _ => null,
            };
            if (one is { } g)
            {
                by |= g;
            }
            else
            {
                errors["by"] = [revenue ? $"'{Echo.Bounded(part)}' is not one of lot, class, method." : $"'{Echo.Bounded(part)}' is not one of lot, class (occupancy is always per lot)."];
            }
        }

        TimeZoneInfo? zone = null;
        if (!string.IsNullOrWhiteSpace(request.TimeZone))
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out zone))
            {
                errors["timeZone"] = [$"'{Echo.Bounded(request.TimeZone)}' is not a known time zone."];
            }
        }
        else if (layout is not null && TimeZoneInfo.TryFindSystemTimeZoneById(layout.TimeZoneId, out var lotZone))
        {
            zone = lotZone;
        }
        else if (layout is null)
        {
            zone = defaultZone;
        }

        var from = ParseInstant(request.From, "from", zone, errors);
        var to = ParseInstant(request.To, "to", zone, errors);
        if (from is { } f && to is { } t)
        {
            if (t <= f)
            {
                errors["to"] = ["'to' must be after 'from'."];
            }
            else if (t - f > MaxRange)
            {
                errors["to"] = [$"The range is at most {MaxRange.TotalDays} days."];
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ReportParameters(from!.Value, to!.Value, bucket, by, format, layout?.LotId, layout, zone), errors);
    }

    private static bool TryParseFormat(string text, out ReportFormat format)
    {
        (var ok, format) = text.Trim().ToUpperInvariant() switch
        {
            "HTML" => (true, ReportFormat.Html),
            "CSV" => (true, ReportFormat.Csv),
            "PDF" => (true, ReportFormat.Pdf),
            "JSON" => (true, ReportFormat.Json),
            _ => (false, ReportFormat.Html),
        };
        return ok;
    }

    private static DateTimeOffset? ParseInstant(string? text, string name, TimeZoneInfo? zone, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = [$"'{name}' is required (ISO 8601, e.g. 2026-06-01 or 2026-06-01T00:00:00+07:00)."];
            return null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            errors[name] = [$"'{name}' is not an ISO 8601 date or time."];
            return null;
        }

        // No offset given: the wall-clock time of the report's zone (a day report from "2026-06-01" starts at local midnight).
        // A time with no UTC instant .NET can represent (0001-01-01T00:00+14:00 and the like) counts as out of range.
        var instant = DateTimeOffset.MinValue;
        if (parsed.Kind != DateTimeKind.Unspecified)
        {
            _ = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
        }
        else if (parsed > DateTime.MinValue.AddDays(1) && parsed < DateTime.MaxValue.AddDays(-1))
        {
            instant = new DateTimeOffset(parsed, (zone ?? TimeZoneInfo.Utc).GetUtcOffset(parsed));
        }

        if (instant < s_earliest || instant > s_latest)
        {
            errors[name] = [$"'{name}' must lie between {s_earliest:yyyy-MM-dd} and {s_latest:yyyy-MM-dd}."];
            return null;
        }

        return instant;
    }
}
