namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>
/// Collects everything wrong with one command, so a caller hears every problem at once; messages never echo the value.
/// <see cref="ThrowIfAny"/> refuses the command before anything is decided.
/// </summary>
public sealed class CommandProblems
{
    private readonly List<FieldProblem> _problems = [];

    public IReadOnlyList<FieldProblem> Problems => _problems;

    public bool Any => _problems.Count > 0;

    public void Add(string field, string message) => _problems.Add(new FieldProblem(field, message));

    /// <summary>A required id: present, at most <paramref name="maxLength"/> characters, clean text.</summary>
    public void RequiredId(string field, string? value, int maxLength = CommandLimits.MaxIdLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return;
        }

        Id(field, value, maxLength);
    }

    /// <summary>An optional id: when present, as <see cref="RequiredId"/>.</summary>
    public void OptionalId(string field, string? value, int maxLength = CommandLimits.MaxIdLength)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Id(field, value, maxLength);
        }
    }

    /// <summary>Free text (reason, operator, reference): required or not, bounded, clean.</summary>
    public void Text(string field, string? value, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "Required.");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        else if (!TextRules.IsClean(value))
        {
            Add(field, "Control, bidirectional-override and zero-width characters are not allowed.");
        }
    }

    /// <summary>An optional plate; when present it must follow <see cref="PlateRules"/>.</summary>
    public void Plate(string field, string? value)
    {
        if (!string.IsNullOrEmpty(value) && PlateRules.Problem(value) is { } problem)
        {
            Add(field, problem);
        }
    }

    /// <summary>A defined member of <typeparamref name="TEnum"/>.</summary>
    public void Defined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(field, $"Not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    /// <summary>Refuses the command with every problem found.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InvalidCommandException(_problems);
        }
    }

    private void Id(string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        else if (!TextRules.IsClean(value))
        {
            Add(field, "Control, bidirectional-override and zero-width characters are not allowed.");
        }
    }
}
