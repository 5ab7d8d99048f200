namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>Plates compare without spaces, dots or dashes and case-insensitively ("51F-123.45" = "51f12345").</summary>
public static class PlateNumber
{
    public static string? Normalize(string? plate)
    {
        if (string.IsNullOrWhiteSpace(plate))
        {
            return null;
        }

        // Called on every entry, exit and plate search: an already-normal plate is returned as it is.
        var length = 0;
        var normal = true;
        foreach (var c in plate)
        {
            if (char.IsLetterOrDigit(c))
            {
                length++;
                normal &= char.ToUpperInvariant(c) == c;
            }
            else
            {
                normal = false;
            }
        }

        if (length == 0)
        {
            return null;
        }

        if (normal)
        {
            return plate;
        }

        return string.Create(length, plate, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    span[i++] = char.ToUpperInvariant(c);
                }
            }
        });
    }
}
