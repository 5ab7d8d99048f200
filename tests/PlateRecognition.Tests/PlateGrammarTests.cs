namespace ParkingGrains.PlateRecognition.Tests;

public sealed class PlateGrammarTests
{
    [Theory]
    // Vietnamese cars, motorcycles (two lines joined by a space), EU and generic plates as printed.
    [InlineData("51F-123.45", "51F12345", "51F-123.45", PlateFormat.Vietnamese)]
    [InlineData("30A-1234", "30A1234", "30A-1234", PlateFormat.Vietnamese)]
    [InlineData("51LD-123.45", "51LD12345", "51LD-123.45", PlateFormat.Vietnamese)]
    [InlineData("59-X1 123.45", "59X112345", "59-X1 123.45", PlateFormat.Vietnamese)]
    [InlineData("59-X1 1234", "59X11234", "59-X1 1234", PlateFormat.Vietnamese)]
    [InlineData("B-AB 1234", "BAB1234", "B-AB 1234", PlateFormat.Eu)]
    [InlineData("M-K 7", "MK7", "M-K 7", PlateFormat.Eu)]
    [InlineData("ABC-1234", "ABC1234", "ABC-1234", PlateFormat.Generic)]
    // Lower case, missing or odd separators.
    [InlineData("51f 123.45", "51F12345", "51F-123.45", PlateFormat.Vietnamese)]
    [InlineData("51F12345", "51F12345", "51F-123.45", PlateFormat.Vietnamese)]
    [InlineData("abc1234", "ABC1234", "ABC-1234", PlateFormat.Generic)]
    public void Parses_PlatesAsPrinted(string raw, string text, string display, PlateFormat format)
    {
        var match = PlateGrammar.Parse(raw);

        Assert.Equal((text, display, format, 0), (match.Text, match.Display, match.Format, match.Corrections));
    }

    [Theory]
    // A letter read where a digit belongs, and a digit where a letter belongs, by position.
    [InlineData("5IF-123.45", "51F12345", 1)] // I → 1
    [InlineData("51F-I23.45", "51F12345", 1)]
    [InlineData("S1F-123.45", "51F12345", 1)] // S → 5
    [InlineData("518-123.45", "51B12345", 1)] // 8 → B (series letter)
    [InlineData("515-123.45", "51S12345", 1)] // 5 → S
    [InlineData("51F-1Z3.45", "51F12345", 1)] // Z → 2
    [InlineData("51F-12O.45", "51F12045", 1)] // O → 0
    [InlineData("51F-12D.45", "51F12045", 1)] // D → 0
    [InlineData("51F-G23.45", "51F62345", 1)] // G → 6
    [InlineData("510-123.45", "51D12345", 1)] // 0 → D: Vietnamese series never use O
    [InlineData("5B-X1 123.45", "58X112345", 1)]
    [InlineData("59-X1 I23.45", "59X112345", 1)]
    [InlineData("AB8-1234", "ABB1234", 1)] // 8 → B
    [InlineData("AB0-1234", "ABO1234", 1)] // 0 → O outside Vietnam
    [InlineData("ABC-12B4", "ABC1284", 1)]
    [InlineData("B-A8 1234", "BAB1234", 1)]
    [InlineData("8-AB 1234", "BAB1234", 1)]
    public void Corrects_LookAlikes_ByPosition(string raw, string text, int corrections)
    {
        var match = PlateGrammar.Parse(raw);

        Assert.True(match.Fits);
        Assert.Equal((text, corrections), (match.Text, match.Corrections));
    }

    [Theory]
    [InlineData("PARKING")]
    [InlineData("2026-12-03 18:04")]
    [InlineData("12345678901")]
    [InlineData("AB")]
    [InlineData("")]
    [InlineData("--")]
    public void FitsNoGrammar_KeepsTheCharacters_AsUnknown(string raw)
    {
        var match = PlateGrammar.Parse(raw);

        Assert.False(match.Fits);
        Assert.Equal(PlateFormat.Unknown, match.Format);
        Assert.Equal(new string([.. raw.ToUpperInvariant().Where(char.IsLetterOrDigit)]), match.Text);
    }

    [Theory]
    // Separators break ties between grammars that fit the same characters.
    [InlineData("ABC-1234", PlateFormat.Generic)]
    [InlineData("AB-C 1234", PlateFormat.Eu)]
    [InlineData("ABC1234", PlateFormat.Generic)]
    public void Separators_ChooseBetweenGrammars(string raw, PlateFormat format)
    {
        Assert.Equal(format, PlateGrammar.Parse(raw).Format);
    }

    [Fact]
    public void MissingSeparators_AreCounted()
    {
        Assert.Equal(0, PlateGrammar.Parse("51F-123.45").SeparatorMisses);
        Assert.Equal(2, PlateGrammar.Parse("51F12345").SeparatorMisses);
    }
}
