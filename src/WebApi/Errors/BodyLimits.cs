using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ParkingGrains.WebApi.Errors;

/// <summary>
/// The domain API's bodies are commands of a few hundred bytes, so its group takes at most <see cref="Default"/>;
/// whole layouts (a lot with thousands of slots and their gate distances) may take <see cref="Layout"/>, which is
/// also the limit of every endpoint that names none (sign-in, the dashboard). Larger bodies are refused with 413
/// before they are read: at once when Content-Length says so, else when the read passes the limit.
/// </summary>
internal static class BodyLimits
{
    public const long Default = 64 * 1024;
    public const long Layout = 1024 * 1024;

    /// <summary>Limits the bodies of an endpoint or group to <see cref="Default"/>.</summary>
    public static TBuilder TakesCommandBodies<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Limit(Default));

    /// <summary>Lets an endpoint take bodies up to <see cref="Layout"/> (the last limit named wins).</summary>
    public static TBuilder AllowsLayoutBodies<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Limit(Layout));

    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? Layout;
            if (context.Request.ContentLength > limit)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: $"This endpoint takes bodies of at most {limit} bytes.").ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            await next(context);
        });

    private sealed record Limit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
