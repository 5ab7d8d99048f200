using Orleans.Hosting;

namespace ParkingGrains.WebApi.Operations;

/// <summary>
/// The web host's own services seen as an Orleans client builder, for a host whose cluster client is supplied from
/// outside (Cluster:Client=External): client-side add-ons such as the dashboard's register here without a second client.
/// </summary>
internal sealed class HostServicesClientBuilder(IServiceCollection services, IConfiguration configuration) : IClientBuilder
{
    public IServiceCollection Services => services;

    public IConfiguration Configuration => configuration;
}
