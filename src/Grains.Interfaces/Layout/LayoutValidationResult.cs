using Orleans;

namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>
/// The outcome of validating or importing a layout: either a complete layout and no problems, or no layout and
/// every problem found. There is no partial result, so nothing can be half-applied.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record LayoutValidationResult(
    [property: Id(0)] LotLayout? Layout,
    [property: Id(1)] IReadOnlyList<LayoutProblem> Problems)
{
    public bool IsValid => Layout is not null && Problems.Count == 0;

    public static LayoutValidationResult Valid(LotLayout layout) => new(layout, []);

    public static LayoutValidationResult Invalid(IReadOnlyList<LayoutProblem> problems)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("An invalid result needs at least one problem.", nameof(problems));
        }

        return new(null, problems);
    }
}
