namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>
/// The whole configuration of one lot. Immutable and JSON-serialisable (grain state and wire message); import it
/// through the layout validator so that only a complete, consistent layout is ever applied.
/// </summary>
/// <param name="TimeZoneId">IANA time zone id used for wall-clock fee rules, e.g. "Asia/Ho_Chi_Minh".</param>
/// <param name="Currency">ISO 4217 code, e.g. "VND".</param>
/// <param name="TariffId">The tariff this lot charges by; resolved by the tariff component, null until assigned.</param>
public sealed record LotLayout(
    string LotId,
    string Name,
    string TimeZoneId,
    string Currency,
    IReadOnlyList<FloorDefinition> Floors,
    IReadOnlyList<GateDefinition> Gates,
    IReadOnlyList<SlotDefinition> Slots,
    LotSettings Settings,
    string? TariffId = null);
