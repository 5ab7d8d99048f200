using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParkingGrains.Grains.Tests.History;
using Xunit.Abstractions;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// format=json of both reports (what the dashboard's charts read) over <see cref="ReportScenario"/>: raw numbers,
/// every bucket, capacity and percentages. Occupancy by hand, in vehicle-minutes: on 2 March C1 55, M1 45 and C2 95
/// (never two at once); on 3 March C3 145 and C4 from 18:00 to midnight, 360. The lot has 4 car slots and 1 motorcycle slot.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportJsonTests(ReportsFixture fixture, ITestOutputHelper output)
{
    private const string Range = $"lotId={ReportScenario.LotId}&from={ReportScenario.From}&to={ReportScenario.To}";

    [Fact]
    public async Task RevenueJson_ByClassAndMethod_RawAmountsEveryBucketAndTotals()
    {
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var response = await admin.GetAsync($"/api/reports/revenue?{Range}&by=class,method&format=json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("revenue", json.GetProperty("kind").GetString());
        Assert.Equal(ReportScenario.LotId, json.GetProperty("lotId").GetString());
        Assert.Equal("Asia/Ho_Chi_Minh", json.GetProperty("timeZone").GetString());
        Assert.Equal("day", json.GetProperty("groupBy").GetString());
        Assert.Equal(["class", "method"], Strings(json.GetProperty("by")));
        Assert.Equal(["2026-03-02", "2026-03-03"], Strings(json.GetProperty("buckets")));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(7)), json.GetProperty("from").GetDateTimeOffset());

        var rows = json.GetProperty("rows").EnumerateArray()
            .Select(r => (Period: r.GetProperty("period").GetString(), Class: r.GetProperty("vehicleClass").GetString(), Method: r.GetProperty("method").GetString(),
                Amount: r.GetProperty("amount").GetDecimal(), Payments: r.GetProperty("payments").GetInt64(), Currency: r.GetProperty("currency").GetString(),
                Overpaid: r.GetProperty("overpaid").GetDecimal()))
            .ToList();
        Assert.Equal(
            [
                ("2026-03-02", "Car", "Card", 25_000m, 1L, "VND", 0m),
                ("2026-03-02", "Car", "VietQr", 35_000m, 1L, "VND", 0m),
                ("2026-03-02", "Motorcycle", "Cash", 5_000m, 1L, "VND", 0m),
                ("2026-03-03", "Car", "Cash", 50_000m, 1L, "VND", ReportScenario.Overpaid),
            ],
            rows);
        Assert.All(json.GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("lotId").ValueKind));

        var total = Assert.Single(json.GetProperty("totals").EnumerateArray());
        Assert.Equal(
            ("VND", ReportScenario.Total, (long)ReportScenario.Payments, ReportScenario.Overpaid),
            (total.GetProperty("currency").GetString(), total.GetProperty("amount").GetDecimal(), total.GetProperty("payments").GetInt64(), total.GetProperty("overpaid").GetDecimal()));
    }

    [Fact]
    public async Task OccupancyJson_PerDay_PeakAverageAndPercentOfTheLotsSlots()
    {
        using var operatorClient = await ReportClients.AsRoleAsync(fixture.Factory, "operator");
        var json = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/reports/occupancy?{Range}&format=json");

        Assert.Equal("occupancy", json.GetProperty("kind").GetString());
        var lot = Assert.Single(json.GetProperty("lots").EnumerateArray());
        Assert.Equal((ReportScenario.LotId, ReportScenario.LotName, 5), (lot.GetProperty("lotId").GetString(), lot.GetProperty("name").GetString(), lot.GetProperty("slots").GetInt32()));
        Assert.Equal(4, lot.GetProperty("classes").GetProperty("Car").GetInt32());
        Assert.Equal(1, lot.GetProperty("classes").GetProperty("Motorcycle").GetInt32());

        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["2026-03-02", "2026-03-03"], rows.Select(r => r.GetProperty("period").GetString()));
        Assert.Equal((3, 3, 0, 0, 1, Round(195 / 1440.0), 5), Levels(rows[0]));
        Assert.Equal((2, 1, 0, 1, 1, Round(505 / 1440.0), 5), Levels(rows[1]));
        Assert.Equal(20.0, rows[0].GetProperty("peakPercent").GetDouble());
        Assert.Equal(2.7, rows[0].GetProperty("averagePercent").GetDouble());
        Assert.Equal(7.0, rows[1].GetProperty("averagePercent").GetDouble());

        var totals = json.GetProperty("totals");
        Assert.Equal((ReportScenario.Entries, ReportScenario.Exits, ReportScenario.InsideAtEnd),
            (totals.GetProperty("entries").GetInt32(), totals.GetProperty("exits").GetInt32(), totals.GetProperty("insideAtEnd").GetInt32()));
    }

    [Fact]
    public async Task OccupancyJson_PerHourAndClass_PercentOfTheClassesSlots()
    {
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var json = await admin.GetFromJsonAsync<JsonElement>($"/api/reports/occupancy?{Range}&groupBy=hour&by=class&format=json");

        Assert.Equal(48, json.GetProperty("buckets").GetArrayLength());
        Assert.Equal("2026-03-02 08:00", json.GetProperty("buckets")[8].GetString());
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(48 * 2, rows.Count); // every hour for both classes that moved

        // 08:00: C1 from 08:00 to 08:55 on one of 4 car slots. 09:00: M1 from 09:00 to 09:45 on the one motorcycle slot.
        var car8 = rows.Single(r => r.GetProperty("period").GetString() == "2026-03-02 08:00" && r.GetProperty("vehicleClass").GetString() == "Car");
        Assert.Equal((1, 1, 0, 0, 1, Round(55 / 60.0), 4), Levels(car8));
        Assert.Equal((25.0, 22.9), (car8.GetProperty("peakPercent").GetDouble(), car8.GetProperty("averagePercent").GetDouble()));
        var motorcycle9 = rows.Single(r => r.GetProperty("period").GetString() == "2026-03-02 09:00" && r.GetProperty("vehicleClass").GetString() == "Motorcycle");
        Assert.Equal((1, 1, 0, 0, 1, 0.75, 1), Levels(motorcycle9));
        Assert.Equal((100.0, 75.0), (motorcycle9.GetProperty("peakPercent").GetDouble(), motorcycle9.GetProperty("averagePercent").GetDouble()));
    }

    [Fact]
    public async Task AllLots_WithoutATimeZone_UseTheirCommonZone_AndNameIt()
    {
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var json = await admin.GetFromJsonAsync<JsonElement>($"/api/reports/revenue?from={ReportScenario.From}&to={ReportScenario.To}&by=lot,class&format=json");

        Assert.Equal(JsonValueKind.Null, json.GetProperty("lotId").ValueKind);
        Assert.Equal("All lots", json.GetProperty("scope").GetString());
        Assert.Equal("Asia/Ho_Chi_Minh", json.GetProperty("timeZone").GetString());
        Assert.Equal(["2026-03-02", "2026-03-03"], Strings(json.GetProperty("buckets")));
        Assert.All(json.GetProperty("rows").EnumerateArray(), r => Assert.Equal(ReportScenario.LotId, r.GetProperty("lotId").GetString()));
        Assert.Equal(ReportScenario.Total, json.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task AMonthOfTenLots_OccupancyPerHourAndClassAsJson_WithinFiveSeconds()
    {
        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var url = $"/api/reports/occupancy?from=2026-06-01&to=2026-07-01&timeZone={SyntheticHistory.TimeZoneId}&groupBy=hour&by=class&format=json";
        await admin.GetAsync(url.Replace("2026-07-01", "2026-06-02", StringComparison.Ordinal)); // warm up (JIT, connection pool)

        var watch = Stopwatch.StartNew();
        var response = await admin.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        output.WriteLine($"occupancy JSON (hour x lot x class), 10 lots x 30 days: {body.Length / 1024:N0} KiB in {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.ElapsedMilliseconds} ms");
        using var json = JsonDocument.Parse(body);
        // Every hour of both classes of the 10 generated lots (and of the scenario's lot, carried by its seed).
        Assert.Equal(SyntheticHistory.Lots * 2 * 30 * 24, json.RootElement.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("lotId").GetString() != ReportScenario.LotId));
        Assert.All(json.RootElement.GetProperty("rows").EnumerateArray().Take(500), r => Assert.True(r.GetProperty("peakInside").GetInt64() >= r.GetProperty("averageInside").GetDouble()));
    }

    [Fact]
    public async Task Json_IsOperatorOnly_AndValidatedLikeTheOtherFormats()
    {
        using var driver = await ReportClients.AsRoleAsync(fixture.Factory, "driver");
        Assert.Equal(HttpStatusCode.Forbidden, (await driver.GetAsync($"/api/reports/occupancy?{Range}&format=json")).StatusCode);

        using var admin = await ReportClients.AsAdminAsync(fixture.Factory);
        var response = await admin.GetAsync($"/api/reports/occupancy?{Range}&by=method&format=json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();

    private static (int Entries, int Exits, int ForceClosed, int InsideAtEnd, int Peak, double Average, int Slots) Levels(JsonElement row) =>
        (row.GetProperty("entries").GetInt32(), row.GetProperty("exits").GetInt32(), row.GetProperty("forceClosed").GetInt32(), row.GetProperty("insideAtEnd").GetInt32(),
            row.GetProperty("peakInside").GetInt32(), row.GetProperty("averageInside").GetDouble(), row.GetProperty("slots").GetInt32());
}
