using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Storage;
using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.WebApi.Errors;

/// <summary>
/// Every exception that leaves an endpoint ends here and becomes problem details:
/// <list type="bullet">
/// <item><see cref="InvalidCommandException"/> (a grain refused the caller's input) → 400 with <c>errors</c> by field;</item>
/// <item><see cref="BadHttpRequestException"/> (body not JSON, a value of the wrong type, too large) → its own
/// status, 400s naming the field where the binder knows it;</item>
/// <item><see cref="InconsistentStateException"/> (a lost storage race) → 409; cluster unreachable → 503;</item>
/// <item>anything else is a fault of ours → 500 with the trace id and no exception text, whatever its type: an
/// ArgumentException from .NET internals is no more the caller's fault than a NullReferenceException.</item>
/// </list>
/// Faults are logged at Error with the exception; input problems at Information, without the values.
/// </summary>
internal sealed class GrainExceptionHandler(IProblemDetailsService problems, ILogger<GrainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nobody is left to answer and nothing failed on our side.
            return true;
        }

        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
        var endpoint = context.GetEndpoint()?.DisplayName ?? context.Request.Path.ToString();
        var problem = exception switch
        {
            InvalidCommandException invalid => Input(invalid),
            BadHttpRequestException bad => BadRequest(bad),
            InconsistentStateException => Status(StatusCodes.Status409Conflict, "Conflict, please retry",
                "Someone else changed the same data at the same moment; nothing of yours was applied."),
            SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or Orleans.Runtime.Messaging.ConnectionFailedException
                => Status(StatusCodes.Status503ServiceUnavailable, "The cluster is not reachable right now", "Try again in a few seconds."),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Fault in {Endpoint} (trace {TraceId})", endpoint, traceId);
            problem = Status(StatusCodes.Status500InternalServerError, "An unexpected error occurred",
                $"The error was logged with trace id {traceId}; quote it when reporting the problem.");
        }
        else if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogWarning(exception, "{Endpoint} answered {Status} (trace {TraceId})", endpoint, problem.Status, traceId);
        }
        else
        {
            // The exception's message may hold what the caller sent; the type and the fields are enough here.
            logger.LogInformation("{Endpoint} refused the request: {Status} {Exception} {Fields} (trace {TraceId})", endpoint, problem.Status,
                exception.GetType().Name, problem is HttpValidationProblemDetails v ? string.Join(",", v.Errors.Keys) : "", traceId);
        }

        problem.Extensions["traceId"] = traceId;
        context.Response.StatusCode = problem.Status!.Value;
        // The exception is left out on purpose: no writer may turn its text into part of the answer.
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static HttpValidationProblemDetails Input(InvalidCommandException invalid)
    {
        var errors = invalid.Problems.Length == 0
            ? new Dictionary<string, string[]> { ["body"] = ["The command is invalid."] }
            : invalid.Problems.GroupBy(p => string.IsNullOrEmpty(p.Field) ? "body" : p.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
        return new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = "The request was refused; nothing was changed" };
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Status(bad.StatusCode, "Request body too large", "The body is larger than this endpoint accepts.");
        }

        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return Status(bad.StatusCode, "Invalid request", null);
        }

        var (field, message) = BadRequestFields.Describe(bad);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request could not be read; nothing was changed",
        };
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Status(int status, string title, string? detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
