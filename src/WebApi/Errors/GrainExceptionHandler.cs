using Microsoft.AspNetCore.Diagnostics;
using Orleans.Storage;

namespace ParkingGrains.WebApi.Errors;

/// <summary>
/// Turns what grains throw into problem details: bad input is the caller's (400), a lost race is a conflict (409),
/// an unreachable cluster is temporary (503). Only genuine bugs remain 500s.
/// </summary>
internal sealed class GrainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            ArgumentException or FormatException => (StatusCodes.Status400BadRequest, "Invalid request"),
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request"),
            InconsistentStateException => (StatusCodes.Status409Conflict, "Conflict, please retry"),
            SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "The cluster is not reachable right now"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
