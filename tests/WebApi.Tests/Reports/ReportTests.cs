using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// Reports over the SQLite history of <see cref="ReportScenario"/>: the HTML and CSV contents (shared with
/// <see cref="PostgreSqlReportTests"/>), PDF, validation and auth.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportTests(ReportsFixture fixture) : ReportContentTests(fixture.Factory)
{
    [Fact]
    public async Task RevenuePdf_IsChromiumsPrintOfTheSameReport()
    {
        using var admin = await ReportClients.AsAdminAsync(Factory);
        var watch = Stopwatch.StartNew();
        var response = await admin.GetAsync($"/api/reports/revenue?{Range}&by=method&format=pdf");
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        var text = Spaces(await PdfTextAsync(pdf));
        Assert.Contains(ReportScenario.LotName, text, StringComparison.Ordinal);
        Assert.Contains("115.000 ₫", text, StringComparison.Ordinal);
        Assert.Contains("50.000 ₫", text, StringComparison.Ordinal);
        Assert.Contains("Overpaid", text, StringComparison.Ordinal);
        Assert.Matches(@"(?<![\d.])5\.000 ₫", text);
        Console.WriteLine($"PDF report: {pdf.Length:N0} bytes in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task OccupancyPdf_IsA4LandscapeWithEveryColumnOnThePage()
    {
        using var admin = await ReportClients.AsAdminAsync(Factory);
        var response = await admin.GetAsync($"/api/reports/occupancy?{Range}&by=class&format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        // Text outside the page is not in the PDF: each header found means its column was printed.
        var text = System.Text.RegularExpressions.Regex.Replace(Spaces(await PdfTextAsync(pdf)), @"\s+", " ");
        foreach (var header in new[] { "Period", "Lot", "Vehicle class", "Entries", "Exits", "Force-closed", "Inside at end", "Peak inside", "Average inside" })
        {
            Assert.Contains(header, text, StringComparison.Ordinal);
        }

        // A4 landscape: 841.89 x 595.28 pt, on every page.
        var sizes = PageSizes(await PdfToolAsync("pdfinfo", pdf, "-f", "1", "-l", "1000"));
        Assert.NotEmpty(sizes);
        Assert.All(sizes, size => Assert.True(Math.Abs(size.Width - 841.89) < 1 && Math.Abs(size.Height - 595.28) < 1, $"page is {size.Width} x {size.Height} pt"));
    }

    [Fact]
    public async Task Pdf_WithoutChromium_Is503Problem()
    {
        await using var host = Factory.WithWebHostBuilder(web => web.UseSetting("Reports:ChromiumPath", "/nonexistent/chromium"));
        using var admin = await ReportClients.AsAdminAsync(host);
        var response = await admin.GetAsync($"/api/reports/revenue?{Range}&format=pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("PDF rendering unavailable", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-03-04&to=2026-03-02", "to")]
    [InlineData("from=2026-03-02&to=2026-03-02", "to")]
    [InlineData("from=2025-01-01&to=2026-03-02", "to")]
    [InlineData("to=2026-03-02", "from")]
    [InlineData("from=yesterday&to=2026-03-02", "from")]
    [InlineData("from=2026-03-02&to=2026-03-04&groupBy=week", "groupBy")]
    [InlineData("from=2026-03-02&to=2026-03-04&format=xlsx", "format")]
    [InlineData("from=2026-03-02&to=2026-03-04&by=colour", "by")]
    [InlineData("from=2026-03-02&to=2026-03-04&timeZone=Mars/Olympus", "timeZone")]
    public async Task BadParameters_Are400Problems(string query, string parameter)
    {
        using var admin = await ReportClients.AsAdminAsync(Factory);
        var response = await admin.GetAsync($"/api/reports/revenue?lotId={ReportScenario.LotId}&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task OccupancyByMethod_Is400AndUnknownLotIs404()
    {
        using var admin = await ReportClients.AsAdminAsync(Factory);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/reports/occupancy?{Range}&by=method")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/reports/revenue?lotId=no-such-lot&from={ReportScenario.From}&to={ReportScenario.To}")).StatusCode);
    }

    [Theory]
    [InlineData("revenue")]
    [InlineData("occupancy")]
    public async Task NoToken_Is401AndDriverIs403(string report)
    {
        using var anonymous = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/reports/{report}?{Range}")).StatusCode);

        using var driver = await ReportClients.AsRoleAsync(Factory, "driver");
        Assert.Equal(HttpStatusCode.Forbidden, (await driver.GetAsync($"/api/reports/{report}?{Range}")).StatusCode);
    }

    private static List<(double Width, double Height)> PageSizes(string pdfinfo) =>
        [.. pdfinfo.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts"))
            .Where(m => m.Success)
            .Select(m => (double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))];

    internal static Task<string> PdfTextAsync(byte[] pdf) => PdfToolAsync("pdftotext", pdf, "-enc", "UTF-8", "{file}", "-");

    /// <summary>Runs a poppler tool on the PDF written to a temp file ("{file}" in the arguments, else appended last).</summary>
    private static async Task<string> PdfToolAsync(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{file}" ? file : argument);
            }

            if (!arguments.Contains("{file}"))
            {
                start.ArgumentList.Add(file);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors}");
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
