using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ParkingGrains.GateAgent.Devices;
using ParkingGrains.GateAgent.LaneUi;

namespace ParkingGrains.GateAgent.Tests.LaneUi;

/// <summary>The lane UI's API against a whole lane without a cluster (<see cref="LaneUiTestLane"/>): it decides offline.</summary>
public sealed class LaneUiApiTests : IAsyncLifetime
{
    private LaneUiTestLane _lane = null!;

    public async Task InitializeAsync() => _lane = await LaneUiTestLane.StartAsync();

    public async Task DisposeAsync() => await _lane.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/lane/snapshot")]
    [InlineData("GET", "/api/lane/frame")]
    [InlineData("GET", "/api/lane/events")]
    [InlineData("POST", "/api/lane/open")]
    [InlineData("POST", "/api/lane/card")]
    [InlineData("POST", "/api/lane/pending/1/confirm")]
    public async Task WithoutSigningIn_EveryApiCallIs401(string method, string path)
    {
        using var client = await _lane.ClientAsync(signedInAs: null);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { reason = "x", cardId = "CARD-OK", plate = "AB-1" }) : null });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BarrierState.Closed, _lane.Barrier.State);
    }

    [Fact]
    public async Task APostWithoutTheLaneHeader_Is403_EvenWithASession_AndNothingMoves()
    {
        using var signedIn = await _lane.ClientAsync();
        signedIn.DefaultRequestHeaders.Remove(LaneUiEndpoints.RequestHeader);
        using var response = await signedIn.PostAsJsonAsync("/api/lane/open", new { reason = "cross-site" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(BarrierState.Closed, _lane.Barrier.State);
    }

    [Fact]
    public async Task SigningIn_GivesAnHttpOnlySameSiteStrictCookie_AndSigningOut_EndsIt()
    {
        using var client = await _lane.ClientAsync(signedInAs: null);
        using var login = await client.PostAsJsonAsync("/api/lane/login", new { name = "ann", password = LaneUiTestLane.Password });
        login.EnsureSuccessStatusCode();
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ann", (await client.GetFromJsonAsync<JsonElement>("/api/lane/me")).GetProperty("name").GetString());

        (await client.PostAsJsonAsync("/api/lane/logout", new { })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/lane/snapshot")).StatusCode);
    }

    [Fact]
    public async Task AWrongPassword_Is401_AndAfterFiveFailures_EvenTheRightOneWaits()
    {
        using var client = await _lane.ClientAsync(signedInAs: null);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/lane/login", new { name = "eve", password = $"guess-{i}" })).StatusCode);
        }

        using var throttled = await client.PostAsJsonAsync("/api/lane/login", new { name = "eve", password = LaneUiTestLane.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("/api/lane/open", """{"reason":""}""", "reason")]
    [InlineData("/api/lane/open", """{"reason":"ambulance","durationSeconds":0}""", "durationSeconds")]
    [InlineData("/api/lane/open", """{"reason":"ambulance","durationSeconds":"ten"}""", "durationSeconds")]
    [InlineData("/api/lane/open", """{"reason":"a\u202Eb"}""", "reason")]
    [InlineData("/api/lane/hold", """{}""", "reason")]
    [InlineData("/api/lane/card", """{"cardId":"two words"}""", "cardId")]
    [InlineData("/api/lane/card", """{}""", "cardId")]
    [InlineData("/api/lane/pending/1/confirm", """{"plate":"<script>"}""", "plate")]
    [InlineData("/api/lane/pending/1/confirm", """{"plate":""}""", "plate")]
    [InlineData("/api/lane/open", "not json", "body")]
    [InlineData("/api/lane/open", "null", "body")]
    public async Task BadInput_Is400_NamingTheField_AndNothingMoves(string path, string body, string field)
    {
        using var client = await _lane.ClientAsync();
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(BarrierState.Closed, _lane.Barrier.State);
        Assert.Empty(_lane.Journal.Completed(10));
    }

    [Fact]
    public async Task SignInWithoutNameOrPassword_Is400_NamingBoth()
    {
        using var client = await _lane.ClientAsync(signedInAs: null);
        using var response = await client.PostAsJsonAsync("/api/lane/login", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["name", "password"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task AConfidentRead_IsDecided_AndTheFrameWithItsPlateBox_IsShown()
    {
        using var client = await _lane.ClientAsync();
        var id = await _lane.ShowAsync(LaneUiTestLane.Read("51F-123.45", 0.97));
        await Devices.Wait.UntilAsync(() => _lane.State.Snapshot().Decisions.Count == 1, "the read was decided");

        var snapshot = await client.GetFromJsonAsync<JsonElement>("/api/lane/snapshot");
        var frame = snapshot.GetProperty("frame");
        Assert.Equal(id, frame.GetProperty("id").GetInt64());
        Assert.True(frame.GetProperty("confident").GetBoolean());
        Assert.Equal(0.97, frame.GetProperty("confidence").GetDouble());
        var plate = _lane.Camera.LastPlateBounds;
        Assert.Equal(plate.Width, frame.GetProperty("box").GetProperty("width").GetInt32());
        Assert.Equal(plate.Top, frame.GetProperty("box").GetProperty("y").GetInt32());
        var decision = snapshot.GetProperty("decisions")[0];
        Assert.Equal("51F-123.45", decision.GetProperty("plate").GetString());
        Assert.True(decision.GetProperty("open").GetBoolean());
        Assert.True(decision.GetProperty("offline").GetBoolean());
        Assert.Empty(snapshot.GetProperty("pending").EnumerateArray());

        using var image = await client.GetAsync($"/api/lane/frame?id={id}");
        image.EnsureSuccessStatusCode();
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xD8], (await image.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task ALowConfidenceRead_WaitsForTheOperator_AndConfirmingACorrection_DecidesIt()
    {
        using var client = await _lane.ClientAsync();
        var id = await _lane.ShowAsync(LaneUiTestLane.Read("51F-128.45", 0.55));
        var pending = Assert.Single(_lane.State.Snapshot().Pending);
        Assert.Equal(id, pending.Id);
        Assert.False(pending.Confident);
        Assert.Empty(_lane.State.Snapshot().Decisions);
        Assert.Equal(0, _lane.Journal.OutboxLength);
        Assert.Equal("image/jpeg", (await client.GetAsync($"/api/lane/pending/{id}/frame")).Content.Headers.ContentType?.MediaType);

        using var confirmed = await client.PostAsJsonAsync($"/api/lane/pending/{id}/confirm", new { plate = "51F-123.45" });
        confirmed.EnsureSuccessStatusCode();
        var decision = await confirmed.Content.ReadFromJsonAsync<LaneUiDecision>();
        Assert.NotNull(decision);
        Assert.True(decision.Open);
        Assert.True(decision.Offline);
        Assert.Equal("51F-123.45", decision.Plate);
        Assert.Empty(_lane.State.Snapshot().Pending);
        Assert.Equal(1, _lane.Journal.OutboxLength);
        Assert.Contains(_lane.Barrier.State, new[] { BarrierState.Opening, BarrierState.Open });

        // Answered once: a second operator's answer finds nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/lane/pending/{id}/confirm", new { plate = "51F-123.45" })).StatusCode);
    }

    [Fact]
    public async Task RejectingAPendingRead_DropsIt_WithoutADecision()
    {
        using var client = await _lane.ClientAsync();
        var id = await _lane.ShowAsync(LaneUiTestLane.Read("30A-12?4", 0.31));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/lane/pending/{id}/reject", new { })).StatusCode);
        Assert.Empty(_lane.State.Snapshot().Pending);
        Assert.Empty(_lane.State.Snapshot().Decisions);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/lane/pending/{id}/reject", new { })).StatusCode);
    }

    [Fact]
    public async Task PendingReads_AreBounded_TheOldestGoesFirst()
    {
        var ids = new List<long>();
        for (var i = 0; i < LaneUiState.PendingLimit + 2; i++)
        {
            ids.Add(await _lane.ShowAsync(LaneUiTestLane.Read($"29A-{100 + i}.11", 0.4)));
        }

        Assert.Equal(ids[2..], _lane.State.Snapshot().Pending.Select(p => p.Id));
    }

    [Fact]
    public async Task AManualOpen_OpensTheBarrier_AndIsRecordedInTheJournalWithWhoAndWhy()
    {
        using var client = await _lane.ClientAsync(signedInAs: "ann");
        using var response = await client.PostAsJsonAsync("/api/lane/open", new { reason = "ambulance", durationSeconds = 20 });
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ManualCommandResult>();
        Assert.NotNull(result);
        Assert.False(result.SentToCluster);
        Assert.Contains(_lane.Barrier.State, new[] { BarrierState.Opening, BarrierState.Open });

        var (eventId, outcome, conflict) = Assert.Single(_lane.Journal.Completed(10));
        Assert.Equal(result.EventId, eventId);
        Assert.Equal("Open by lane:ann: ambulance", outcome);
        Assert.False(conflict);
        Assert.Equal(0, _lane.Journal.OutboxLength);
    }

    [Fact]
    public async Task HoldAndRelease_MoveTheBarrier_AndAreRecorded()
    {
        using var client = await _lane.ClientAsync();
        (await client.PostAsJsonAsync("/api/lane/hold", new { reason = "delivery" })).EnsureSuccessStatusCode();
        await Devices.Wait.UntilAsync(() => _lane.Barrier.State == BarrierState.HeldOpen, "the barrier is held open");
        (await client.PostAsJsonAsync("/api/lane/release", new { })).EnsureSuccessStatusCode();
        Assert.NotEqual(BarrierState.HeldOpen, _lane.Barrier.State);
        Assert.Equal(["Close by lane:ann: released at the lane", "HoldOpen by lane:ann: delivery"], _lane.Journal.Completed(10).Select(c => c.Outcome));
    }

    [Fact]
    public async Task ACardTap_IsDecidedAsIfTheReaderHadReadIt()
    {
        using var client = await _lane.ClientAsync();
        var known = await (await client.PostAsJsonAsync("/api/lane/card", new { cardId = "CARD-OK" })).Content.ReadFromJsonAsync<LaneUiDecision>();
        var unknown = await (await client.PostAsJsonAsync("/api/lane/card", new { cardId = "CARD-NONE" })).Content.ReadFromJsonAsync<LaneUiDecision>();
        Assert.True(known!.Open);
        Assert.False(unknown!.Open);
        Assert.Equal("CardUnknown", unknown.Reason);
    }

    [Fact]
    public async Task TheLiveStream_SendsTheSnapshot_AndAgainWhenSomethingChanges()
    {
        using var client = await _lane.ClientAsync();
        using var response = await client.GetAsync("/api/lane/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(Devices.Wait.Deadline);

        async Task<JsonElement> NextSnapshotAsync()
        {
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    return JsonDocument.Parse(line["data: ".Length..]).RootElement;
                }
            }

            throw new EndOfStreamException();
        }

        Assert.Equal("ui-in", (await NextSnapshotAsync()).GetProperty("status").GetProperty("gateId").GetString());
        await _lane.ShowAsync(LaneUiTestLane.Read("51F-777.77", 0.5));
        JsonElement next;
        do
        {
            next = await NextSnapshotAsync();
        }
        while (next.GetProperty("pending").GetArrayLength() == 0);

        Assert.Equal("51F-777.77", next.GetProperty("pending")[0].GetProperty("display").GetString());
    }

    [Fact]
    public async Task ThePage_IsServed_WithAStrictContentSecurityPolicy()
    {
        using var client = await _lane.ClientAsync(signedInAs: null);
        using var page = await client.GetAsync("/");
        page.EnsureSuccessStatusCode();
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/lane.js\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", (await client.GetAsync("/lane.js")).Content.Headers.ContentType?.MediaType);
    }
}
