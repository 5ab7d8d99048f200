using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.WebApi.Errors;

/// <summary>
/// What a message may repeat of a caller's input: at most <see cref="MaxLength"/> characters, with control, bidi and
/// zero-width characters replaced by U+FFFD, so an error never carries a megabyte or reorders the operator's screen.
/// </summary>
internal static class Echo
{
    public const int MaxLength = 64;

    public static string Bounded(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var cut = value.Length > MaxLength ? value[..MaxLength] : value;
        var clean = string.Create(cut.Length, cut, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = TextRules.IsUnsafe(source[i]) ? '\uFFFD' : source[i];
            }
        });
        return value.Length > MaxLength ? clean + "…" : clean;
    }
}
