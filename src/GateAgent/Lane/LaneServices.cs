using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Cluster;
using ParkingGrains.GateAgent.Journal;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.GateAgent.Lane;

/// <summary>Registers one lane (section <c>Lane</c>): its options, journal, cluster link and controller.</summary>
public static class LaneServices
{
    public static LaneOptions ReadLaneOptions(this IConfiguration configuration)
    {
        var options = configuration.GetSection("Lane").Get<LaneOptions>() ?? new LaneOptions();
        var problems = new List<string>();
        if (!GateKeys.IsValidGateId(options.GateId))
        {
            problems.Add("Lane:GateId is required (letters, digits, '.', '_', '-'; at most 64).");
        }

        if (!GateKeys.TryHash(options.Key, out _))
        {
            problems.Add("Lane:Key is required: the gate's key as issued by POST /api/gates/{gateId}/key (43 characters).");
        }

        if (options.ClusterTimeout <= TimeSpan.Zero || options.HeartbeatInterval <= TimeSpan.Zero)
        {
            problems.Add("Lane:ClusterTimeout and Lane:HeartbeatInterval must be positive.");
        }

        return problems.Count == 0 ? options : throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    }

    public static IServiceCollection AddLane(this IServiceCollection services, LaneOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<GateCommandInbox>();
        services.AddSingleton(sp => new ClusterLink(options, sp.GetRequiredService<GateCommandInbox>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => LaneJournal.Open(options.JournalPath, sp.GetRequiredService<ILoggerFactory>().CreateLogger<LaneJournal>()));
        services.AddSingleton<LaneController>();
        services.AddHostedService<LaneHostedService>();
        return services;
    }
}
