namespace ParkingGrains.WebApi.Tests.Auth;

public sealed record ProblemBody(string? Type, string? Title, int? Status, string? Detail);
