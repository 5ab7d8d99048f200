using System.Text;

namespace ParkingGrains.PlateRecognition;

/// <summary>
/// Plate grammars and the correction of OCR confusions by position. A pattern is the plate as printed, with
/// <c>D</c> for a digit, <c>L</c> for a letter and the separators between groups:
/// Vietnamese cars <c>DDL-DDD.DD</c> (<c>51F-123.45</c>), <c>DDL-DDDD</c> (<c>30A-1234</c>) and two-letter series;
/// two-line motorcycle plates <c>DD-LD DDD.DD</c> (<c>59-X1 123.45</c>); EU <c>L-LL D</c> with 1–3, 1–2 and 1–4
/// (<c>B-AB 1234</c>); generic <c>LLL-DDDD</c> (<c>ABC-1234</c>).
/// The recogniser confuses shapes, not positions, so a character of the wrong kind is swapped for its look-alike
/// (O/0, I/1, B/8, S/5, Z/2, G/6, D/0, A/4, T/7); each swap counts as a correction and the fewest corrections wins.
/// Separators break ties: one the OCR saw where the pattern has none counts against the pattern, one it missed
/// counts less (dots and spaces get lost at small sizes). A read that fits nothing keeps its characters, format Unknown.
/// </summary>
public static class PlateGrammar
{
    // Separators beyond these do not occur between plate groups; anything else non-alphanumeric is noise.
    private const string Separators = "-. ";

    // Vietnamese series letters never use I, J, O, Q or W (too close to 1, 0); a 0 or O there is a D.
    private const string VietnameseLetters = "ABCDEFGHKLMNPRSTUVXYZ";

    private static readonly Pattern[] Patterns = BuildPatterns();

    /// <summary>The best fit of <paramref name="raw"/> (any case, any separators) to a plate grammar.</summary>
    public static PlateMatch Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var (chars, boundaries) = Tokenise(raw);
        PlateMatch? best = null;
        var bestScore = int.MaxValue;
        foreach (var pattern in Patterns)
        {
            if (pattern.Slots.Length != chars.Length)
            {
                continue;
            }

            var match = pattern.TryMatch(chars, boundaries, out var score);
            if (match is not null && (score < bestScore || (score == bestScore && pattern.Priority < PriorityOf(best))))
            {
                best = match;
                bestScore = score;
            }
        }

        return best ?? new PlateMatch(chars, chars, PlateFormat.Unknown, 0);

        int PriorityOf(PlateMatch? match) => match is null ? int.MaxValue : (int)match.Format;
    }

    /// <summary>Upper-case letters and digits of <paramref name="raw"/>, and the positions where a separator stood before a character.</summary>
    internal static (string Chars, HashSet<int> Boundaries) Tokenise(string raw)
    {
        var chars = new StringBuilder(raw.Length);
        var boundaries = new HashSet<int>();
        foreach (var c in raw.ToUpperInvariant())
        {
            if (c is >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                chars.Append(c);
            }
            else if (Separators.Contains(c) && chars.Length > 0)
            {
                boundaries.Add(chars.Length);
            }
        }

        boundaries.Remove(chars.Length);
        return (chars.ToString(), boundaries);
    }

    private static Pattern[] BuildPatterns()
    {
        var patterns = new List<Pattern>
        {
            new("DDL-DDD.DD", PlateFormat.Vietnamese),
            new("DDL-DDDD", PlateFormat.Vietnamese),
            new("DDLL-DDD.DD", PlateFormat.Vietnamese),
            new("DDLL-DDDD", PlateFormat.Vietnamese),
            new("DD-LD DDD.DD", PlateFormat.Vietnamese),
            new("DD-LD DDDD", PlateFormat.Vietnamese),
            new("LLL-DDDD", PlateFormat.Generic),
            new("LL-DDDD", PlateFormat.Generic),
            new("LLL-DDD", PlateFormat.Generic),
        };
        for (var area = 1; area <= 3; area++)
        {
            for (var letters = 1; letters <= 2; letters++)
            {
                for (var digits = 1; digits <= 4; digits++)
                {
                    patterns.Add(new($"{new string('L', area)}-{new string('L', letters)} {new string('D', digits)}", PlateFormat.Eu));
                }
            }
        }

        return [.. patterns];
    }

    internal static char? AsDigit(char c) => c switch
    {
        >= '0' and <= '9' => c,
        'O' or 'Q' or 'D' or 'U' => '0',
        'I' or 'L' or 'J' => '1',
        'Z' => '2',
        'A' => '4',
        'S' => '5',
        'G' => '6',
        'T' => '7',
        'B' => '8',
        _ => null,
    };

    internal static char? AsLetter(char c, PlateFormat format)
    {
        if (format == PlateFormat.Vietnamese)
        {
            var letter = c switch
            {
                'O' or 'Q' or '0' => 'D',
                _ => AsLetter(c, PlateFormat.Generic),
            };
            return letter is { } l && VietnameseLetters.Contains(l) ? l : null;
        }

        return c switch
        {
            >= 'A' and <= 'Z' => c,
            '0' => 'O',
            '1' => 'I',
            '2' => 'Z',
            '4' => 'A',
            '5' => 'S',
            '6' => 'G',
            '7' => 'T',
            '8' => 'B',
            _ => null,
        };
    }

    private sealed class Pattern
    {
        public Pattern(string display, PlateFormat format)
        {
            Display = display;
            Format = format;
            Priority = (int)format;
            var slots = new StringBuilder();
            var boundaries = new HashSet<int>();
            foreach (var c in display)
            {
                if (c is 'D' or 'L')
                {
                    slots.Append(c);
                }
                else
                {
                    boundaries.Add(slots.Length);
                }
            }

            Slots = slots.ToString();
            Boundaries = boundaries;
        }

        public string Display { get; }
        public PlateFormat Format { get; }
        public int Priority { get; }
        public string Slots { get; }
        public HashSet<int> Boundaries { get; }

        public PlateMatch? TryMatch(string chars, HashSet<int> seen, out int score)
        {
            score = 0;
            var text = new char[chars.Length];
            var corrections = 0;
            for (var i = 0; i < chars.Length; i++)
            {
                var fixedChar = Slots[i] == 'D' ? AsDigit(chars[i]) : AsLetter(chars[i], Format);
                if (fixedChar is not { } f)
                {
                    return null;
                }

                text[i] = f;
                corrections += f == chars[i] ? 0 : 1;
            }

            // A swap costs most (shapes are what the recogniser gets wrong), then a separator where the pattern has
            // none, then a separator the pattern has but the read lacks (small dots and spaces do get lost).
            var unexpected = seen.Count(b => !Boundaries.Contains(b));
            var missing = Boundaries.Count(b => !seen.Contains(b));
            score = (corrections * 4) + (unexpected * 2) + missing;
            var display = new StringBuilder(Display.Length);
            var next = 0;
            foreach (var c in Display)
            {
                display.Append(c is 'D' or 'L' ? text[next++] : c);
            }

            return new PlateMatch(new string(text), display.ToString(), Format, corrections, unexpected + missing);
        }
    }
}
