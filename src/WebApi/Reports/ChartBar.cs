namespace ParkingGrains.WebApi.Reports;

/// <summary>One bar of the report chart: a bucket, its value and the value as the table shows it.</summary>
internal sealed record ChartBar(string Label, double Value, string Text);
