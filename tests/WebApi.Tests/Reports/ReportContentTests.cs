using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// The contents of the revenue and occupancy reports over <see cref="ReportScenario"/>, as HTML and CSV. Every
/// history provider runs these: the SQL that aggregates them differs per database, the numbers must not.
/// </summary>
public abstract class ReportContentTests(WebApplicationFactory<Program> factory)
{
    protected const string Range = $"lotId={ReportScenario.LotId}&from={ReportScenario.From}&to={ReportScenario.To}";

    protected WebApplicationFactory<Program> Factory { get; } = factory;

    [Fact]
    public async Task RevenueHtml_ShowsTheLotTheChartAndTheTotalsInVnd_WithOverpaidNextToTheAmount()
    {
        using var admin = await ReportClients.AsAdminAsync(Factory);
        var response = await admin.GetAsync($"/api/reports/revenue?{Range}&by=method");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = Spaces(await response.Content.ReadAsStringAsync());
        Assert.Contains(ReportScenario.LotName, html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("prefers-color-scheme:dark", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        // Rows per day and method, and the total: 4 payments, 115.000 ₫ (vi-VN formatting of VND), 5.000 ₫ of it overpaid.
        Assert.Contains("<th class=\"num\">Payments</th><th class=\"num\">Amount</th><th class=\"num\">Overpaid</th></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2026-03-02</td><td>VietQr</td><td class=\"num\">1</td><td class=\"num\">35.000 ₫</td><td class=\"num\">0 ₫</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2026-03-03</td><td>Cash</td><td class=\"num\">1</td><td class=\"num\">50.000 ₫</td><td class=\"num\">5.000 ₫</td>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<tfoot><tr><td>Total</td><td></td><td class=\"num\">4</td><td class=\"num\">115.000 ₫</td><td class=\"num\">5.000 ₫</td></tr></tfoot>",
            html, StringComparison.Ordinal);

        // Two days, two bars, each with its amount as a tooltip.
        Assert.Contains("<title>2026-03-02: 65.000 ₫</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>2026-03-03: 50.000 ₫</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OccupancyHtml_TotalsEntriesExitsAndInsideAtEnd()
    {
        using var operatorClient = await ReportClients.AsRoleAsync(Factory, "operator");
        var html = Spaces(await operatorClient.GetStringAsync($"/api/reports/occupancy?{Range}"));

        Assert.Contains(ReportScenario.LotName, html, StringComparison.Ordinal);
        Assert.Contains("<td>2026-03-02</td><td>Riverside Garage</td><td class=\"num\">3</td><td class=\"num\">3</td><td class=\"num\">0</td><td class=\"num\">0</td>", html, StringComparison.Ordinal);
        Assert.Contains(
            $"<tfoot><tr><td>Total</td><td></td><td class=\"num\">{ReportScenario.Entries}</td><td class=\"num\">{ReportScenario.Exits}</td>" +
            $"<td class=\"num\">0</td><td class=\"num\">{ReportScenario.InsideAtEnd}</td><td></td><td></td></tr></tfoot>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevenueCsv_ParsesBackToTheSameNumbers_OverpaidAppendedAfterTheCurrency()
    {
        using var admin = await ReportClients.AsAdminAsync(Factory);
        var response = await admin.GetAsync($"/api/reports/revenue?{Range}&groupBy=hour&by=lot,class,method&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"revenue-{ReportScenario.LotId}-20260302-20260304.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var records = Csv.Parse(await response.Content.ReadAsStringAsync());

        // Overpaid is the last column: readers of the older file find every column where it was.
        Assert.Equal(["Period", "Lot", "Vehicle class", "Payment method", "Payments", "Amount", "Currency", "Overpaid"], records[0]);
        var rows = records.Skip(1).ToList();
        Assert.Equal(
            [
                ["2026-03-02 08:00", "rep-a", "Car", "Card", "1", "25000", "VND", "0"],
                ["2026-03-02 09:00", "rep-a", "Motorcycle", "Cash", "1", "5000", "VND", "0"],
                ["2026-03-02 11:00", "rep-a", "Car", "VietQr", "1", "35000", "VND", "0"],
                ["2026-03-03 16:00", "rep-a", "Car", "Cash", "1", "50000", "VND", "5000"],
            ],
            rows);
        Assert.Equal(ReportScenario.Total, rows.Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Equal(ReportScenario.Overpaid, rows.Sum(r => decimal.Parse(r[7], CultureInfo.InvariantCulture)));
        Assert.Equal(ReportScenario.Payments, rows.Sum(r => int.Parse(r[4], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task OccupancyCsv_ParsesBackToTheSameNumbers()
    {
        using var admin = await ReportClients.AsAdminAsync(Factory);
        var records = Csv.Parse(await admin.GetStringAsync($"/api/reports/occupancy?{Range}&by=class&format=csv"));

        Assert.Equal(["Period", "Lot", "Vehicle class", "Entries", "Exits", "Force-closed", "Inside at end", "Peak inside", "Average inside"], records[0]);
        var rows = records.Skip(1).ToList();
        Assert.Equal(ReportScenario.Entries, rows.Sum(r => int.Parse(r[3], CultureInfo.InvariantCulture)));
        Assert.Equal(ReportScenario.Exits, rows.Sum(r => int.Parse(r[4], CultureInfo.InvariantCulture)));
        // Cars on 3 March: C3 14:00-16:25, C4 from 18:00 to midnight, 505 of 1,440 minutes on average.
        Assert.Equal(["2026-03-03", "rep-a", "Car", "2", "1", "0", "1", "1", "0.3507"], rows.Single(r => r[0] == "2026-03-03" && r[2] == "Car"));
    }

    /// <summary>NBSP and narrow NBSP (culture currency formats) read as plain spaces.</summary>
    internal static string Spaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
