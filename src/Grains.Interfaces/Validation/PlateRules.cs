namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>
/// The plate grammar: letters A–Z (either case) and digits, with spaces, '-' and '.' as separators; at most
/// <see cref="MaxRawLength"/> characters as read and <see cref="MaxSignificant"/> letters and digits. Plates compare
/// upper-cased without separators.
/// </summary>
public static class PlateRules
{
    public const int MaxRawLength = 16;

    public const int MaxSignificant = 12;

    /// <summary>Null when the plate is acceptable, else why not (never echoing the plate).</summary>
    public static string? Problem(string plate)
    {
        if (plate.Length > MaxRawLength)
        {
            return $"A plate has at most {MaxRawLength} characters.";
        }

        var significant = 0;
        foreach (var c in plate)
        {
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                significant++;
            }
            else if (c is not (' ' or '-' or '.'))
            {
                return "A plate holds only letters A-Z, digits, spaces, '-' and '.'.";
            }
        }

        return significant switch
        {
            0 => "A plate needs at least one letter or digit.",
            > MaxSignificant => $"A plate has at most {MaxSignificant} letters and digits.",
            _ => null,
        };
    }
}
