using Orleans;

namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>One reason a layout was rejected.</summary>
/// <param name="Location">Where: a JSON path such as "$.slots[3].floorId", or "line 7, column size" for CSV.</param>
/// <param name="Code">A stable code from <see cref="LayoutProblemCodes"/>, for programs.</param>
/// <param name="Message">An explanation for people.</param>
[GenerateSerializer]
[Immutable]
public sealed record LayoutProblem(
    [property: Id(0)] string Location,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message)
{
    public override string ToString() => $"{Location}: {Code}: {Message}";
}
