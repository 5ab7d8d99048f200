using System.Globalization;

namespace ParkingGrains.Domain.Layout;

/// <summary>
/// The character rule for names and ids people type: no control characters, no format characters (bidi overrides
/// such as U+202E, zero-width spaces and joiners, the BOM), no line or paragraph separators and no unpaired
/// surrogates. Each of them is invisible or reorders what an operator sees, and none belongs in a floor name or an id.
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
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }
}
