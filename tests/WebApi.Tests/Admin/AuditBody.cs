namespace ParkingGrains.WebApi.Tests.Admin;

public sealed record AuditBody(string Id, DateTimeOffset At, string Actor, string Action, string Target, string? Detail, string? RemoteIp);
