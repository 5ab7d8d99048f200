using System.Diagnostics;
using System.Globalization;
using System.Net;
using ParkingGrains.Grains.Tests.History;
using Xunit.Abstractions;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// A month of history for 10 lots (the history scale generator: ~99k events) rendered as HTML through the API, each
/// report timed end to end (HTTP, SQL, rendering) against the 5 s budget.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportScaleTests(ReportsFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("revenue", "groupBy=day&by=lot,class,method")]
    [InlineData("revenue", "groupBy=hour&by=lot")]
    [InlineData("occupancy", "groupBy=hour")]
    [InlineData("occupancy", "groupBy=hour&by=class")]
    public async Task AMonthOfTenLots_RendersHtmlWithinFiveSeconds(string report, string grouping)
    {
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var url = $"/api/reports/{report}?from=2026-06-01&to=2026-07-01&timeZone={SyntheticHistory.TimeZoneId}&{grouping}";
        await admin.GetAsync(url.Replace("2026-07-01", "2026-06-02", StringComparison.Ordinal)); // warm up (JIT, connection pool)

        var watch = Stopwatch.StartNew();
        var response = await admin.GetAsync(url);
        var html = ReportContentTests.Spaces(await response.Content.ReadAsStringAsync());
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        output.WriteLine($"{report} ({grouping}), 10 lots x 30 days: {html.Length / 1024:N0} KiB of HTML in {watch.ElapsedMilliseconds} ms (budget {Budget.TotalMilliseconds} ms)");
        Assert.True(watch.Elapsed < Budget, $"{report} took {watch.ElapsedMilliseconds} ms.");

        // The totals agree with the generator's own arithmetic.
        var month = (int)(SyntheticHistory.MonthEnd - SyntheticHistory.MonthStart).TotalMinutes;
        var stays = SyntheticHistory.Stays().ToList();
        if (report == "revenue")
        {
            var paid = stays.Where(s => !s.Forced && s.Leave - 5 < month).ToList();
            var total = paid.Sum(s => s.Amount).ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) + " ₫";
            Assert.Contains($"<td class=\"num\">{paid.Count.ToString("N0", CultureInfo.InvariantCulture)}</td><td class=\"num\">{total}</td>", html, StringComparison.Ordinal);
        }
        else
        {
            var entries = stays.Count(s => s.Entry < month).ToString("N0", CultureInfo.InvariantCulture);
            Assert.Contains($"<td class=\"num\">{entries}</td>", html, StringComparison.Ordinal);
        }
    }
}
