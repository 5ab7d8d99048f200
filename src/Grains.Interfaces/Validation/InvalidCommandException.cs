namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>
/// A command refused before anything was decided or stored: the caller's input, not a fault. Grains throw it from
/// the contract's validators; the web API answers it with a problem details naming each field (400/422), and a gate
/// agent on the cluster client sees the same problems.
/// </summary>
[GenerateSerializer]
public sealed class InvalidCommandException : Exception
{
    public InvalidCommandException()
    {
    }

    public InvalidCommandException(IReadOnlyList<FieldProblem> problems)
        : base(Describe(problems))
    {
        Problems = [.. problems];
    }

    public InvalidCommandException(string field, string message)
        : this([new FieldProblem(field, message)])
    {
    }

    [Id(0)]
    public FieldProblem[] Problems { get; private set; } = [];

    private static string Describe(IReadOnlyList<FieldProblem> problems) =>
        problems.Count == 0 ? "The command is invalid." : string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}"));
}
