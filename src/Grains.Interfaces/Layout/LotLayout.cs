using Orleans;

namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>
/// The whole configuration of one lot. Immutable and JSON-serialisable (grain state and wire message); import it
/// through the layout validator so that only a complete, consistent layout is ever applied.
/// </summary>
/// <param name="TimeZoneId">IANA time zone id used for wall-clock fee rules, e.g. "Asia/Ho_Chi_Minh".</param>
/// <param name="Currency">ISO 4217 code, e.g. "VND".</param>
/// <param name="TariffId">The tariff this lot charges by; resolved by the tariff component, null until assigned.</param>
[GenerateSerializer]
[Immutable]
public sealed record LotLayout(
    [property: Id(0)] string LotId,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZoneId,
    [property: Id(3)] string Currency,
    [property: Id(4)] IReadOnlyList<FloorDefinition> Floors,
    [property: Id(5)] IReadOnlyList<GateDefinition> Gates,
    [property: Id(6)] IReadOnlyList<SlotDefinition> Slots,
    [property: Id(7)] LotSettings Settings,
    [property: Id(8)] string? TariffId = null);
