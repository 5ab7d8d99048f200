using System.Net;

namespace ParkingGrains.Silo.Tests.Input;

/// <summary>One development silo (SQLite, demo lots, production time bounds) shared by the tests that need no restart.</summary>
public sealed class DevelopmentSiloFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private HostProcess? _silo;

    public RestApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var webPort = PortAllocator.Next();
        _silo = await HostProcess.StartSiloAsync("input-shared", DevelopmentHostTests.DevelopmentSettings(_folder, webPort), readyText: "ParkingGrains is running");
        Api = await RestApi.ConnectAsync($"http://127.0.0.1:{webPort}", activeSilos: 1);

        // The gates of the demo lots are assigned once the seeder has configured them.
        await Eventually.TrueAsync(async () =>
        {
            using var gate = await Api.Http.GetAsync(new Uri("/api/gates/ber-in", UriKind.Relative));
            return gate.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), "the demo gates are assigned");
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _folder.Dispose();
    }
}
