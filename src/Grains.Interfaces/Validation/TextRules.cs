using System.Globalization;

namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>
/// The character rule for every text a caller sends (ids, plates, names, reasons), used by the grains, the layout
/// validator and the web API alike: no control characters, no format characters (bidi overrides and isolates such as
/// U+202E, zero-width spaces and joiners, the BOM), no line or paragraph separators and no unpaired surrogates. Each is
/// invisible or reorders what an operator reads.
/// </summary>
public static class TextRules
{
    public const string Rule = "Control, bidi and zero-width characters are not allowed.";

    public static bool IsUnsafe(char c) =>
        char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>True when <paramref name="text"/> has a character the rule refuses (surrogates only when unpaired).</summary>
    public static bool HasUnsafe(string? text)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsUnsafe(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsClean(string text) => !HasUnsafe(text);
}
