using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Reads a JSON request body for a <c>BindAsync</c>: malformed JSON, wrong types, a wrong content type or an
/// oversize body give null, which the endpoint answers with a 400 problem. The framework's own body binding throws
/// in Development, which the exception handler turns into a 500.
/// </summary>
internal static class JsonBodies
{
    private const long MaxBodyBytes = 64 * 1024;

    public static async ValueTask<T?> ReadAsync<T>(HttpContext http)
        where T : class
    {
        if (!http.Request.HasJsonContentType() || http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var options = http.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? JsonSerializerOptions.Web;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
    }
}
