namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// The revenue and occupancy reports (HTML and CSV) over a real PostgreSQL history: the same scenario and the same
/// expected numbers as on SQLite (<see cref="ReportTests"/>), through the PostgreSQL queries and time-zone handling.
/// </summary>
[Collection(PostgreSqlReportsCollection.Name)]
public sealed class PostgreSqlReportTests(PostgreSqlReportsFixture fixture) : ReportContentTests(fixture.Factory);
