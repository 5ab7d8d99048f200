using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ParkingGrains.WebApi.Auth;

namespace ParkingGrains.WebApi.OpenApi;

/// <summary>
/// Completes the OpenAPI document from what the endpoints already declare, so no handler repeats it:
/// <list type="bullet">
/// <item>the security schemes (<c>Bearer</c>: a user's access token; <c>GateId</c> + <c>GateKey</c>: a gate agent's
/// headers), applied to each operation by its authorization policy, so Swagger UI can authorise;</item>
/// <item>the answers every operation can give: 400 when it takes parameters or a body, 401/403 when it needs a
/// sign-in, 404 when its path names something, 413 (bodies over the limit are refused before any handler), 500
/// (a fault, with a trace id) and 503 (cluster unreachable); the endpoint groups add what is theirs (409, 412, 422,
/// 428, their success bodies);</item>
/// <item>path parameters of the route template that no handler argument declares (e.g. <c>whoami</c>'s gateId).</item>
/// </list>
/// </summary>
internal static partial class ParkingGrainsOpenApi
{
    public const string Bearer = "Bearer";
    public const string GateId = "GateId";
    public const string GateKey = "GateKey";
    private const string ProblemJson = "application/problem+json";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ParkingGrains API";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A user's access token from POST /api/auth/login (or /api/auth/refresh).",
            };
            document.Components.SecuritySchemes[GateId] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = GateKeyDefaults.GateIdHeader,
                Description = "The gate agent's gate id; sent together with X-Gate-Key.",
            };
            document.Components.SecuritySchemes[GateKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = GateKeyDefaults.KeyHeader,
                Description = "The gate agent's key from POST /api/gates/{gateId}/keys/rotate.",
            };
            return Task.CompletedTask;
        });

        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var description = context.Description;
            var metadata = description.ActionDescriptor.EndpointMetadata;
            var path = description.RelativePath ?? "";
            var routeParameters = RouteParameters().Matches(path).Select(m => m.Groups["name"].Value).ToList();

            operation.Parameters ??= [];
            foreach (var name in routeParameters.Where(n => !operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == n)))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Description = $"At most {Domain.Layout.LayoutLimits.MaxIdLength} characters, no control, bidi or zero-width characters.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Domain.Layout.LayoutLimits.MaxIdLength },
                });
            }

            var authorize = metadata.OfType<IAuthorizeData>().ToList();
            var anonymous = metadata.OfType<IAllowAnonymous>().Any() || authorize.Count == 0;
            if (!anonymous)
            {
                operation.Security ??= [];
                var policies = authorize.Select(a => a.Policy).ToHashSet(StringComparer.Ordinal);
                if (!policies.Contains(AuthPolicies.Gate))
                {
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
                }

                if (policies.Contains(AuthPolicies.Gate) || policies.Contains(AuthPolicies.GateOrOperator))
                {
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(GateId, context.Document)] = [],
                        [new OpenApiSecuritySchemeReference(GateKey, context.Document)] = [],
                    });
                }
            }

            operation.Responses ??= [];
            var problem = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), null, cancellationToken);
            var validation = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, cancellationToken);
            var takesInput = operation.Parameters.Count > 0 || description.ParameterDescriptions.Count > 0;
            if (takesInput)
            {
                Add(operation, StatusCodes.Status400BadRequest, "Invalid input: `errors` names each field or parameter.", validation);
            }

            if (!anonymous)
            {
                Add(operation, StatusCodes.Status401Unauthorized, "Not signed in, or the token or gate key is not valid.", problem);
                Add(operation, StatusCodes.Status403Forbidden, "Signed in, but this role (or gate) may not do this.", problem);
            }

            if (routeParameters.Count > 0)
            {
                Add(operation, StatusCodes.Status404NotFound, "What the path names does not exist.", problem);
            }

            Add(operation, StatusCodes.Status413PayloadTooLarge, "The body is over this endpoint's limit.", problem);
            Add(operation, StatusCodes.Status500InternalServerError, "A fault on our side; `traceId` identifies it in the logs.", problem);
            Add(operation, StatusCodes.Status503ServiceUnavailable, "The cluster cannot be reached right now; retry.", problem);
        });
    }

    private static void Add(OpenApiOperation operation, int status, string description, IOpenApiSchema schema)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing))
        {
            // Declared by the endpoint (ProducesProblem): keep it, and give it a description if it has none.
            if (existing is OpenApiResponse { Description: null or "" } declared)
            {
                declared.Description = description;
            }

            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } },
        };
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameters();
}
