namespace ParkingGrains.Silo.Tests.Fuzz;

/// <summary>One generated call of an operation of the OpenAPI document: method, path with its query, and JSON body (or none).</summary>
public sealed record FuzzRequest(string Method, string Template, string PathAndQuery, string? Body)
{
    public bool IsWrite => Method is not "GET";

    /// <summary>How a failure is reported: bounded, so a 5,000-character value does not flood the test output.</summary>
    public override string ToString()
    {
        var body = Body is null ? "" : " " + (Body.Length > 400 ? Body[..400] + $"… ({Body.Length} chars)" : Body);
        var path = PathAndQuery.Length > 300 ? PathAndQuery[..300] + "…" : PathAndQuery;
        return $"{Method} {path}{body}";
    }
}
