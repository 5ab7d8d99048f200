namespace ParkingGrains.WebApi.Endpoints;

public sealed record VietQrResponse(string Payload, string PngBase64);
