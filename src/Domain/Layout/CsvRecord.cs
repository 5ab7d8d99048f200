namespace ParkingGrains.Domain.Layout;

/// <summary>One CSV record: the 1-based line it starts on, its fields, and a syntax error if it has one.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error = null);
