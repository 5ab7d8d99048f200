using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.Grains.Interfaces.Validation;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Errors;

/// <summary>
/// What the API answers when a grain call throws: input refused by a grain is 400 by field, an unreachable cluster
/// 503, and anything else — even the ArgumentException family — a 500 with a trace id and none of the exception's
/// text, counted in /metrics. Each case runs a web host whose lot directory throws that exception.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FaultAnswerTests(ApiFixture fixture)
{
    private const string Secret = "secret-internal-detail-7f3a";

    [Theory]
    [InlineData("argument")]
    [InlineData("format")]
    [InlineData("out-of-range")]
    [InlineData("null-reference")]
    public async Task AFault_Is500WithATraceId_AndNoExceptionText(string kind)
    {
        Exception exception = kind switch
        {
            "argument" => new ArgumentException(Secret, "lotId"),
            "format" => new FormatException(Secret),
            "out-of-range" => new ArgumentOutOfRangeException("index", Secret),
            _ => new NullReferenceException(Secret),
        };
        await using var host = FailingHost(exception);

        var response = await host.CreateClient().GetAsync("/api/lots");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(exception.GetType().Name, text, StringComparison.Ordinal);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task Faults_AreCountedInTheMetrics()
    {
        await using var host = FailingHost(new InvalidOperationException(Secret));
        Assert.Equal(HttpStatusCode.InternalServerError, (await host.CreateClient().GetAsync("/api/lots")).StatusCode);

        // The exporter may serve a cached scrape for a moment.
        var text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("parkinggrains_http_faults_total", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 250);
            text = await host.CreateClient().GetStringAsync("/metrics");
        }

        Assert.Contains("parkinggrains_http_faults_total{", text, StringComparison.Ordinal);
        Assert.Contains("status=\"500\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InputAGrainRefuses_Is400NamingEachField()
    {
        await using var host = FailingHost(new InvalidCommandException(
            [new FieldProblem("plate", "At most 16 characters."), new FieldProblem("time", "Not in the future."), new FieldProblem("plate", "Letters and digits only.")]));

        var response = await host.CreateClient().GetAsync("/api/lots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal(["At most 16 characters.", "Letters and digits only."], errors.GetProperty("plate").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Not in the future.", errors.GetProperty("time")[0].GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task AnUnreachableCluster_Is503()
    {
        await using var host = FailingHost(new SiloUnavailableException(Secret));

        var response = await host.CreateClient().GetAsync("/api/lots");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> FailingHost(Exception exception) =>
        ClusterWebHost.Create(fixture.Cluster.Client, web => web.ConfigureTestServices(services =>
            services.AddSingleton(FailingGrainFactory.Create(fixture.Cluster.Client, exception))));
}
