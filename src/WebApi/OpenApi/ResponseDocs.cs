namespace ParkingGrains.WebApi.OpenApi;

/// <summary>
/// The answers of the kinds of endpoint the API has, declared once here (the common ones — 400, 401, 403, 404, 413,
/// 500, 503 — are added to every operation by <see cref="ParkingGrainsOpenApi"/>).
/// </summary>
internal static class ResponseDocs
{
    /// <summary>A read: its body, with the ETag of the lot's revision or the card's version.</summary>
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<T>();

    /// <summary>An addition: 201 with what was made; 409 when it exists, 422 with every problem.</summary>
    public static RouteHandlerBuilder Creates<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<T>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>A change with If-Match: 412 when stale, 428 without it, 409/422 when refused.</summary>
    public static RouteHandlerBuilder Changes<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<T>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>A delete with If-Match: 204, 409 when something still depends on it, 412, 428.</summary>
    public static RouteHandlerBuilder Deletes(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>A command the domain may refuse: its result, or 422 with the stable reason code.</summary>
    public static RouteHandlerBuilder Decides<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<T>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
