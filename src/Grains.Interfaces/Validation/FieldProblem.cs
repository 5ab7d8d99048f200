namespace ParkingGrains.Grains.Interfaces.Validation;

/// <summary>One thing wrong with a command: the field (JSON name, dotted for nested ones) and why, never the value itself.</summary>
[GenerateSerializer, Immutable]
public sealed record FieldProblem([property: Id(0)] string Field, [property: Id(1)] string Message);
