namespace ParkingGrains.Grains.Tests.History;

/// <summary>The reports over PostgreSql, against history written by the real lot grains (see <see cref="HistoryScenario"/>).</summary>
public sealed class PostgreSqlParkingHistoryTests(PostgreSqlHistoryFixture fixture) : IClassFixture<PostgreSqlHistoryFixture>
{
    [Fact]
    public Task Revenue_PerLocalDayAndHour_GroupedAndFiltered() => HistoryScenario.AssertRevenueAsync(fixture.History);

    [Fact]
    public Task Revenue_IsNetOfRefunds_OnTheDayOfTheRefund_UnderThePaymentsMethodAndClass() => HistoryScenario.AssertRefundsAsync(fixture.History);

    [Fact]
    public Task Occupancy_EveryBucket_SeededByEarlierStays_AcrossTheEndOfSummerTime() => HistoryScenario.AssertOccupancyAsync(fixture.History);

    [Fact]
    public Task Occupancy_PeakAndAverage_UpToNow_NoneForBucketsNotBegun() => HistoryScenario.AssertOccupancyUpToNowAsync(fixture.HistoryAt);

    [Fact]
    public Task Stays_CountAverageAndMedianByExitBucket() => HistoryScenario.AssertStaysAsync(fixture.History);

    [Fact]
    public Task LotHistory_NewestFirst_PagedWithSummaries() => HistoryScenario.AssertLotHistoryAsync(fixture.History);

    [Fact]
    public Task TimeZone_FromTheLotsConfiguration_OrNamedWhenTheyDiffer() => HistoryScenario.AssertZoneResolutionAsync(fixture.History);
}
