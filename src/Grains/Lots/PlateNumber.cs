namespace ParkingGrains.Grains.Lots;

/// <summary>Plates compare without spaces, dots or dashes and case-insensitively ("51F-123.45" = "51f12345").</summary>
public static class PlateNumber
{
    public static string? Normalize(string? plate)
    {
        if (string.IsNullOrWhiteSpace(plate))
        {
            return null;
        }

        var chars = plate.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray();
        return chars.Length == 0 ? null : new string(chars);
    }
}
