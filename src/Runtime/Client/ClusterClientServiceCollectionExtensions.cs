using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.Runtime.Client;

public static class ClusterClientServiceCollectionExtensions
{
    /// <summary>Adds a cluster client that connects when the host starts and disconnects when it stops.</summary>
    public static IServiceCollection AddParkingGrainsClient(this IServiceCollection services, Action<ClusterClientOptions> configure)
    {
        var options = new ClusterClientOptions();
        configure(options);
        services.AddSingleton(options);
        services.AddSingleton(sp => new ClusterClient(options, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<ClusterClient>());
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<ClusterClient>());
        services.AddHostedService<ClusterClientHostedService>();
        return services;
    }
}
