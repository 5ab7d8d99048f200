using Microsoft.Extensions.Configuration;
using ParkingGrains.GateAgent.Lane;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.GateAgent.Tests.LaneUi;

/// <summary>The <c>Lane:Ui</c> settings as the agent reads them at start.</summary>
public sealed class LaneUiOptionsTests
{
    [Fact]
    public void TheUi_IsOffByDefault_AndAnnouncesNothing()
    {
        var options = Read([]);
        Assert.False(options.Ui.Enabled);
        Assert.Null(options.Ui.AnnouncedUrl);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    public void AnEnabledUi_NeedsAPassword(string? password)
    {
        var problem = Assert.Throws<InvalidOperationException>(() => Read(new() { ["Lane:Ui:Enabled"] = "true", ["Lane:Ui:Password"] = password }));
        Assert.Contains("Lane:Ui:Password", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnabledUi_ListensOnLoopback_AndAnnouncesItsFirstUrl_UnlessAPublicUrlIsSet()
    {
        var options = Read(new() { ["Lane:Ui:Enabled"] = "true", ["Lane:Ui:Password"] = "a-long-enough-secret" });
        Assert.Equal("http://127.0.0.1:8090", options.Ui.Urls);
        Assert.Equal("http://127.0.0.1:8090", options.Ui.AnnouncedUrl);

        options = Read(new() { ["Lane:Ui:Enabled"] = "true", ["Lane:Ui:Password"] = "a-long-enough-secret", ["Lane:Ui:PublicUrl"] = "https://lane-3.example/" });
        Assert.Equal("https://lane-3.example/", options.Ui.AnnouncedUrl);
    }

    [Theory]
    [InlineData("Lane:Ui:Urls", "ftp://127.0.0.1:8090")]
    [InlineData("Lane:Ui:PublicUrl", "javascript:alert(1)")]
    public void UrlsThatAreNotHttp_AreRefusedAtStart(string key, string value)
    {
        var problem = Assert.Throws<InvalidOperationException>(() => Read(new() { ["Lane:Ui:Enabled"] = "true", ["Lane:Ui:Password"] = "a-long-enough-secret", [key] = value }));
        Assert.Contains(key, problem.Message, StringComparison.Ordinal);
    }

    private static LaneOptions Read(Dictionary<string, string?> settings)
    {
        settings["Lane:GateId"] = "g-in";
        settings["Lane:Key"] = GateKeys.NewKey().Key;
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build().ReadLaneOptions();
    }
}
