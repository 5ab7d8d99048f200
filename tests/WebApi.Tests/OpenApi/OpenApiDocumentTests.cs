using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.OpenApi;

/// <summary>
/// /openapi/v1.json as a client generator or Swagger UI reads it: it parses without errors, every operation says
/// which 4xx it can answer, the bearer and gate-key schemes exist and are applied, and every {parameter} of a path
/// is declared.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class OpenApiDocumentTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheDocumentParsesWithoutErrors()
    {
        var (_, diagnostic) = await ReadAsync();

        Assert.Empty(diagnostic?.Errors ?? []);
    }

    [Fact]
    public async Task EveryOperationDocumentsA4xxAndA5xx()
    {
        var (document, _) = await ReadAsync();

        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 60, $"only {operations.Count} operations");
        Assert.All(operations, o => Assert.True(o.Operation.Responses?.Keys.Any(k => k.StartsWith('4')) == true, $"{o.Name} documents no 4xx"));
        Assert.All(operations, o => Assert.True(o.Operation.Responses?.ContainsKey("500") == true, $"{o.Name} documents no 500"));
    }

    [Fact]
    public async Task EveryPathParameterIsDeclared()
    {
        var (document, _) = await ReadAsync();

        foreach (var (name, operation, path, pathItem) in Operations(document))
        {
            var declared = (operation.Parameters ?? []).Concat(pathItem.Parameters ?? [])
                .Where(p => p.In == ParameterLocation.Path).Select(p => p.Name).ToHashSet();
            foreach (Match parameter in PathParameter().Matches(path))
            {
                Assert.True(declared.Contains(parameter.Groups[1].Value), $"{name} does not declare {{{parameter.Groups[1].Value}}}");
            }
        }
    }

    [Fact]
    public async Task TheSecuritySchemesExistAndProtectedOperationsUseThem()
    {
        var (document, _) = await ReadAsync();

        var schemes = document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        Assert.Equal(SecuritySchemeType.Http, schemes["Bearer"].Type);
        Assert.Equal("bearer", schemes["Bearer"].Scheme);
        Assert.Equal("X-Gate-Key", schemes["GateKey"].Name);
        Assert.Equal("X-Gate-Id", schemes["GateId"].Name);

        var operations = Operations(document).ToDictionary(o => o.Name);
        Assert.Equal(["Bearer"], SchemesOf(operations["GET /api/lots/{lotId}/slots"].Operation));
        Assert.Equal(["GateId+GateKey"], SchemesOf(operations["GET /api/gates/{gateId}/whoami"].Operation));
        Assert.Equal(["Bearer", "GateId+GateKey"], SchemesOf(operations["POST /api/gates/{gateId}/entry"].Operation));
        Assert.Empty(SchemesOf(operations["GET /api/lots"].Operation));
        Assert.True(operations["GET /api/lots/{lotId}/slots"].Operation.Responses!.ContainsKey("401"));
    }

    [Fact]
    public async Task TheAdminEditsDocumentTheirConcurrencyAnswers()
    {
        var (document, _) = await ReadAsync();

        var update = Operations(document).Single(o => o.Name == "PUT /api/lots/{lotId}/layout/slots/{slotId}").Operation;
        foreach (var status in new[] { "200", "404", "409", "412", "422", "428" })
        {
            Assert.True(update.Responses!.ContainsKey(status), $"no {status}");
        }
    }

    private static List<string> SchemesOf(OpenApiOperation operation) =>
        [.. (operation.Security ?? []).Select(r => string.Join("+", r.Keys.Select(k => k.Reference.Id).Order(StringComparer.Ordinal)))];

    private static IEnumerable<(string Name, OpenApiOperation Operation, string Path, IOpenApiPathItem PathItem)> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(path => (path.Value.Operations ?? []).Select(o => ($"{o.Key.Method} {path.Key}", o.Value, path.Key, path.Value)));

    private async Task<(OpenApiDocument Document, OpenApiDiagnostic? Diagnostic)> ReadAsync()
    {
        var json = await fixture.CreateClient().GetStringAsync("/openapi/v1.json");
        var result = OpenApiDocument.Parse(json, "json");
        Assert.NotNull(result.Document);
        return (result.Document, result.Diagnostic);
    }

    [GeneratedRegex(@"\{([^}:]+)")]
    private static partial Regex PathParameter();
}
