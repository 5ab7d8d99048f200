using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// What one admin edit makes of a lot's current configuration: either a refusal (unknown id, a floor that still
/// has slots...) or the whole new layout and tariff, how to audit it and what to answer once it is applied.
/// </summary>
internal sealed class LayoutEdit
{
    private LayoutEdit()
    {
    }

    public IResult? Refusal { get; private init; }

    public LotLayout Layout { get; private init; } = null!;

    public Tariff Tariff { get; private init; } = null!;

    /// <summary>Problems only the API knows about (ids that cannot be URLs, unknown slots in a request...).</summary>
    public IReadOnlyList<LayoutProblem> RequestProblems { get; private init; } = [];

    public string AuditAction { get; private init; } = "";

    public string AuditTarget { get; private init; } = "";

    public string? AuditDetail { get; private init; }

    /// <summary>The answer, given the configuration after the edit was applied.</summary>
    public Func<LotConfiguration, IResult> Success { get; private init; } = _ => Results.NoContent();

    public static LayoutEdit Refuse(IResult refusal) => new() { Refusal = refusal };

    public static LayoutEdit Apply(
        LotLayout layout,
        Tariff tariff,
        string auditAction,
        string auditTarget,
        string? auditDetail,
        Func<LotConfiguration, IResult> success,
        IReadOnlyList<LayoutProblem>? requestProblems = null) =>
        new()
        {
            Layout = layout,
            Tariff = tariff,
            AuditAction = auditAction,
            AuditTarget = auditTarget,
            AuditDetail = auditDetail,
            Success = success,
            RequestProblems = requestProblems ?? [],
        };
}
