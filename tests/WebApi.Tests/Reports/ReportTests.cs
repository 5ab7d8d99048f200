using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>Reports over the SQLite history of <see cref="ReportScenario"/>: HTML, CSV and PDF contents, validation and auth.</summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportTests(ReportsFixture fixture)
{
    private const string Range = $"lotId={ReportScenario.LotId}&from={ReportScenario.From}&to={ReportScenario.To}";

    [Fact]
    public async Task RevenueHtml_ShowsTheLotTheChartAndTheTotalsInVnd()
    {
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var response = await admin.GetAsync($"/api/reports/revenue?{Range}&by=method");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = Spaces(await response.Content.ReadAsStringAsync());
        Assert.Contains(ReportScenario.LotName, html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("prefers-color-scheme:dark", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        // Rows per day and method, and the total: 4 payments, 110.000 ₫ (vi-VN formatting of VND).
        Assert.Contains("<td>2026-03-02</td><td>VietQr</td><td class=\"num\">1</td><td class=\"num\">35.000 ₫</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2026-03-03</td><td>Cash</td><td class=\"num\">1</td><td class=\"num\">45.000 ₫</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tfoot><tr><td>Total</td><td></td><td class=\"num\">4</td><td class=\"num\">110.000 ₫</td></tr></tfoot>", html, StringComparison.Ordinal);

        // Two days, two bars, each with its amount as a tooltip.
        Assert.Contains("<title>2026-03-02: 65.000 ₫</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>2026-03-03: 45.000 ₫</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OccupancyHtml_TotalsEntriesExitsAndInsideAtEnd()
    {
        using var operatorClient = await ReportClients.AsRoleAsync(fixture.Factory, "operator");
        var html = Spaces(await operatorClient.GetStringAsync($"/api/reports/occupancy?{Range}"));

        Assert.Contains(ReportScenario.LotName, html, StringComparison.Ordinal);
        Assert.Contains("<td>2026-03-02</td><td>Riverside Garage</td><td class=\"num\">3</td><td class=\"num\">3</td><td class=\"num\">0</td><td class=\"num\">0</td>", html, StringComparison.Ordinal);
        Assert.Contains(
            $"<tfoot><tr><td>Total</td><td></td><td class=\"num\">{ReportScenario.Entries}</td><td class=\"num\">{ReportScenario.Exits}</td>" +
            $"<td class=\"num\">0</td><td class=\"num\">{ReportScenario.InsideAtEnd}</td><td></td><td></td></tr></tfoot>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevenueCsv_ParsesBackToTheSameNumbers()
    {
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var response = await admin.GetAsync($"/api/reports/revenue?{Range}&groupBy=hour&by=lot,class,method&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"revenue-{ReportScenario.LotId}-20260302-20260304.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var records = Csv.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(["Period", "Lot", "Vehicle class", "Payment method", "Payments", "Amount", "Currency"], records[0]);
        var rows = records.Skip(1).ToList();
        Assert.Equal(
            [
                ["2026-03-02 08:00", "rep-a", "Car", "Card", "1", "25000", "VND"],
                ["2026-03-02 09:00", "rep-a", "Motorcycle", "Cash", "1", "5000", "VND"],
                ["2026-03-02 11:00", "rep-a", "Car", "VietQr", "1", "35000", "VND"],
                ["2026-03-03 16:00", "rep-a", "Car", "Cash", "1", "45000", "VND"],
            ],
            rows);
        Assert.Equal(ReportScenario.Total, rows.Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Equal(ReportScenario.Payments, rows.Sum(r => int.Parse(r[4], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task OccupancyCsv_ParsesBackToTheSameNumbers()
    {
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var records = Csv.Parse(await admin.GetStringAsync($"/api/reports/occupancy?{Range}&by=class&format=csv"));

        Assert.Equal(["Period", "Lot", "Vehicle class", "Entries", "Exits", "Force-closed", "Inside at end", "Peak inside", "Average inside"], records[0]);
        var rows = records.Skip(1).ToList();
        Assert.Equal(ReportScenario.Entries, rows.Sum(r => int.Parse(r[3], CultureInfo.InvariantCulture)));
        Assert.Equal(ReportScenario.Exits, rows.Sum(r => int.Parse(r[4], CultureInfo.InvariantCulture)));
        // Cars on 3 March: C3 14:00-16:25, C4 from 18:00 to midnight, 505 of 1,440 minutes on average.
        Assert.Equal(["2026-03-03", "rep-a", "Car", "2", "1", "0", "1", "1", "0.3507"], rows.Single(r => r[0] == "2026-03-03" && r[2] == "Car"));
    }

    [Fact]
    public async Task RevenuePdf_IsChromiumsPrintOfTheSameReport()
    {
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var watch = Stopwatch.StartNew();
        var response = await admin.GetAsync($"/api/reports/revenue?{Range}&by=method&format=pdf");
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        var text = Spaces(await PdfTextAsync(pdf));
        Assert.Contains(ReportScenario.LotName, text, StringComparison.Ordinal);
        Assert.Contains("110.000 ₫", text, StringComparison.Ordinal);
        Assert.Contains("45.000 ₫", text, StringComparison.Ordinal);
        Console.WriteLine($"PDF report: {pdf.Length:N0} bytes in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Pdf_WithoutChromium_Is503Problem()
    {
        await using var host = fixture.Factory.WithWebHostBuilder(web => web.UseSetting("Reports:ChromiumPath", "/nonexistent/chromium"));
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
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var response = await admin.GetAsync($"/api/reports/revenue?lotId={ReportScenario.LotId}&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task OccupancyByMethod_Is400AndUnknownLotIs404()
    {
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/reports/occupancy?{Range}&by=method")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/reports/revenue?lotId=no-such-lot&from={ReportScenario.From}&to={ReportScenario.To}")).StatusCode);
    }

    [Theory]
    [InlineData("revenue")]
    [InlineData("occupancy")]
    public async Task NoToken_Is401AndDriverIs403(string report)
    {
        using var anonymous = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/reports/{report}?{Range}")).StatusCode);

        using var driver = await ReportClients.AsRoleAsync(fixture.Factory, "driver");
        Assert.Equal(HttpStatusCode.Forbidden, (await driver.GetAsync($"/api/reports/{report}?{Range}")).StatusCode);
    }

    /// <summary>NBSP and narrow NBSP (culture currency formats) read as plain spaces.</summary>
    internal static string Spaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    internal static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-enc");
            start.ArgumentList.Add("UTF-8");
            start.ArgumentList.Add(file);
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {await errors}");
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
