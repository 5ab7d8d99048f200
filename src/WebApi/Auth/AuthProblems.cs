namespace ParkingGrains.WebApi.Auth;

/// <summary>Problem-details results the auth endpoints share.</summary>
internal static class AuthProblems
{
    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);

    public static IResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    /// <summary>Responses carrying tokens or keys must not be cached by browsers or proxies.</summary>
    public static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
