using Microsoft.Extensions.Hosting;

namespace ParkingGrains.GateAgent.Lane;

/// <summary>Runs the lane's link to the cluster for the life of the process.</summary>
public sealed class LaneHostedService(LaneController lane) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => lane.RunAsync(stoppingToken);
}
