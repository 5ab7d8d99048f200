namespace ParkingGrains.WebApi.Endpoints;

/// <summary>A VietQR code to render: static without an amount, dynamic with one (VND, whole đồng).</summary>
public sealed record VietQrRequest(string BankBin, string AccountNumber, decimal? Amount, string? Purpose);
