using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Devices;
using ParkingGrains.GateAgent.Lane;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.GateAgent.Simulation;

/// <summary>
/// A gentle stream of vehicles for a demo lane (<c>Lane:Simulate</c>): at an entry a car with a random Vietnamese or
/// German plate drives up, its plate is rendered into a camera frame and read like a real one; at an exit one of the
/// cars inside leaves, paying by VietQR when something is due. The loop holds the barrier while the car passes.
/// </summary>
public sealed class SimulatedTraffic(LaneOptions options, LaneController lane, LaneRunner runner, SimulatedCamera camera, SimulatedVehicleLoop loop,
    TimeProvider time, ILogger<SimulatedTraffic> logger) : BackgroundService
{
    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.TrafficInterval * (0.5 + _random.NextDouble());
            await Task.Delay(wait, time, stoppingToken);
            try
            {
                await OneVehicleAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Simulated vehicle failed");
            }
        }
    }

    private async Task OneVehicleAsync(CancellationToken cancellation)
    {
        var exit = (options.Direction ?? lane.Cache?.Direction) == GateDirection.Out;
        string? plate;
        if (exit)
        {
            var stays = lane.Cache?.Stays.Where(s => s.Plate is not null && time.GetUtcNow() - s.EntryTime > TimeSpan.FromMinutes(1)).ToList() ?? [];
            plate = stays.Count == 0 ? null : stays[_random.Next(stays.Count)].Plate;
        }
        else
        {
            plate = lane.Cache?.Tariff.Currency == "EUR" ? $"B-{Letters(2)} {_random.Next(100, 9999)}" : $"{_random.Next(29, 99)}{Letters(1)}-{_random.Next(100, 999)}.{_random.Next(10, 99)}";
        }

        if (plate is null)
        {
            return;
        }

        loop.Arrive();
        var before = runner.Last?.Decision;
        camera.Capture(plate, new SimulatedPlateStyle(Yellow: _random.Next(5) == 0));
        var decision = await WaitForDecisionAsync(before, cancellation);
        if (decision is { Open: false, AmountDue.Amount: > 0 })
        {
            // The driver scans the VietQR code on the display and pays.
            await Task.Delay(TimeSpan.FromSeconds(3), time, cancellation);
            decision = await runner.PayAsync(decision, PaymentMethod.VietQr, cancellation);
        }

        await Task.Delay(TimeSpan.FromSeconds(decision?.Open == true ? 4 : 2), time, cancellation);
        loop.Leave();
    }

    private async Task<LaneDecision?> WaitForDecisionAsync(LaneDecision? before, CancellationToken cancellation)
    {
        for (var i = 0; i < 50; i++)
        {
            if (runner.Last?.Decision is { } last && !ReferenceEquals(last, before))
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellation);
        }

        return null;
    }

    private string Letters(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('A' + _random.Next(26))));
}
