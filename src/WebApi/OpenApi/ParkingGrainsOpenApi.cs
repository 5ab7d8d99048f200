using Microsoft.AspNetCore.OpenApi;

namespace ParkingGrains.WebApi.OpenApi;

/// <summary>The OpenAPI document's transformers (filled in below).</summary>
internal static class ParkingGrainsOpenApi
{
    public static void Configure(OpenApiOptions options)
    {
    }
}
