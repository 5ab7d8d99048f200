using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Cluster;
using ParkingGrains.GateAgent.Devices;
using ParkingGrains.GateAgent.Journal;
using ParkingGrains.GateAgent.LaneUi;
using ParkingGrains.GateAgent.Simulation;
using ParkingGrains.PlateRecognition;
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

        if (!options.CardReader.Equals("tcp", StringComparison.OrdinalIgnoreCase) && !options.CardReader.Equals("stdin", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Lane:CardReader is \"tcp\" or \"stdin\".");
        }

        problems.AddRange(LaneUiServices.Problems(options.Ui));
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
        AddDevices(services, options);
        services.AddLaneUi(options);
        return services;
    }

    // The drivers this repository ships: a watched camera folder or the simulated camera, the TCP card reader, and the
    // simulated relay, loop, display and printer (a site's own relay/display drivers implement the same interfaces).
    private static void AddDevices(IServiceCollection services, LaneOptions options)
    {
        services.AddSingleton(new PlateReaderOptions());
        services.AddSingleton<IPlateReader>(sp => new OnnxPlateReader(sp.GetRequiredService<PlateReaderOptions>()));
        services.AddSingleton(sp => new SimulatedCamera(TimeProvider.System, seed: Math.Abs(options.GateId.GetHashCode(StringComparison.Ordinal))));
        services.AddSingleton<ICamera>(sp => options.CameraFolder is { Length: > 0 } folder
            ? new FolderCamera(new FolderCameraOptions(folder), TimeProvider.System, sp.GetRequiredService<ILogger<FolderCamera>>())
            : sp.GetRequiredService<SimulatedCamera>());
        services.AddSingleton<ICardReader>(sp => options.CardReader.Equals("stdin", StringComparison.OrdinalIgnoreCase)
            ? StreamCardReader.ForStandardInput(new CardReaderOptions(), TimeProvider.System, sp.GetRequiredService<ILogger<StreamCardReader>>())
            : new TcpCardReader(new CardReaderOptions { Port = options.CardReaderPort }, TimeProvider.System, sp.GetRequiredService<ILogger<TcpCardReader>>()));
        services.AddSingleton(new BarrierOptions());
        services.AddSingleton<SimulatedVehicleLoop>();
        services.AddSingleton<IBarrierRelay, SimulatedRelay>();
        services.AddSingleton<IBarrier>(sp => new LaneBarrier(sp.GetRequiredService<IBarrierRelay>(), sp.GetRequiredService<SimulatedVehicleLoop>(),
            sp.GetRequiredService<BarrierOptions>(), TimeProvider.System, sp.GetRequiredService<ILogger<LaneBarrier>>()));
        services.AddSingleton<ILaneDisplay, SimulatedLaneDisplay>();
        services.AddSingleton<IReceiptPrinter>(sp => new SimulatedReceiptPrinter(new SimulatedReceiptPrinterOptions(options.ReceiptFolder), TimeProvider.System,
            sp.GetRequiredService<ILogger<SimulatedReceiptPrinter>>()));
        services.AddSingleton<LaneRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<LaneRunner>());
        if (options.Simulate)
        {
            services.AddHostedService<SimulatedTraffic>();
        }
    }
}
