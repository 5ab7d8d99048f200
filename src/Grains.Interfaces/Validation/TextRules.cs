namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>
/// What text a command may hold: no control characters, no bidirectional overrides or isolates (U+202A–U+202E,
/// U+2066–U+2069) and no zero-width characters (U+200B–U+200F, U+FEFF) — they scramble or hide what an operator reads.
/// </summary>
public static class TextRules
{
    public static bool IsClean(string text)
    {
        foreach (var c in text)
        {
            if (IsForbidden(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsForbidden(char c) =>
        char.IsControl(c)
        || c is >= '\u200B' and <= '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\uFEFF' or '\u2028' or '\u2029' or '\u061C';
}
