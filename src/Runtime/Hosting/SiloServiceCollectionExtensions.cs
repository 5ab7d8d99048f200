using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ParkingGrains.Runtime.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>Adds a silo that starts and stops with the host; <see cref="IClusterClient"/> and <see cref="IGrainFactory"/> call through it.</summary>
    public static IServiceCollection AddParkingGrainsSilo(this IServiceCollection services, Action<SiloBuilder> configure)
    {
        var options = new SiloOptions();
        var builder = new SiloBuilder(services, options);
        configure(builder);
        services.AddSingleton(options);
        services.AddSingleton(sp => new Silo(options, sp));
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<Silo>().Client);
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<IClusterClient>());
        services.AddHostedService<SiloHostedService>();
        return services;
    }
}
