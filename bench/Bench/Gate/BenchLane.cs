using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Cluster;
using ParkingGrains.GateAgent.Devices;
using ParkingGrains.GateAgent.Journal;
using ParkingGrains.GateAgent.Lane;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.PlateRecognition;

namespace ParkingGrains.Bench.Gate;

/// <summary>
/// One lane as the agent process builds it, in the benchmark's process: the real <see cref="LaneController"/>,
/// <see cref="ClusterLink"/> (an Orleans client of its own, the gate's key on every call), SQLite journal, simulated
/// camera, barrier (relay and loop) and display, run by the real <see cref="LaneRunner"/>. The plate reader is shared
/// by the lanes (its sessions are thread-safe; on this 2-core machine eight readers would only share the same cores).
/// The controller's own loop (heartbeats, cache refreshes, replay) runs while the cluster is up, as in the agent; it
/// is stopped before the silo is killed, so that the benchmark replays the outbox itself, to time it.
/// </summary>
public sealed class BenchLane : IAsyncDisposable
{
    private readonly SimulatedCamera _camera;
    private readonly TimedBarrier _barrier;
    private readonly LaneRunner _runner;
    private readonly IPlateReader _reader;
    private readonly double _threshold;
    private CancellationTokenSource? _stopLoop;
    private Task? _loop;

    public BenchLane(LaneOptions options, IPlateReader reader, PlateReaderOptions readerOptions, int seed, ILoggerFactory loggers)
    {
        Options = options;
        _reader = reader;
        _threshold = readerOptions.ConfirmThreshold;
        var time = TimeProvider.System;
        var inbox = new GateCommandInbox();
        Journal = LaneJournal.Open(options.JournalPath, loggers.CreateLogger<LaneJournal>());
        Link = new ClusterLink(options, inbox, loggers);
        Controller = new LaneController(options, Link, inbox, Journal, time, loggers.CreateLogger<LaneController>());
        _camera = new SimulatedCamera(time, seed);
        var barrierOptions = new BarrierOptions();
        _barrier = new TimedBarrier(new LaneBarrier(new SimulatedRelay(barrierOptions, time, loggers.CreateLogger<SimulatedRelay>()),
            new SimulatedVehicleLoop(time), barrierOptions, time, loggers.CreateLogger<LaneBarrier>()));
        _runner = new LaneRunner(options, Controller, _camera,
            new TcpCardReader(new CardReaderOptions { Port = 0 }, time, loggers.CreateLogger<TcpCardReader>()), // never started: no cards here
            _barrier, new SimulatedLaneDisplay(time, loggers.CreateLogger<SimulatedLaneDisplay>()),
            new SimulatedReceiptPrinter(new SimulatedReceiptPrinterOptions(options.ReceiptFolder), time, loggers.CreateLogger<SimulatedReceiptPrinter>()),
            reader, readerOptions, loggers.CreateLogger<LaneRunner>());
    }

    public LaneOptions Options { get; }

    public bool IsExit => Options.Direction == GateDirection.Out;

    public LaneJournal Journal { get; }

    public ClusterLink Link { get; }

    public LaneController Controller { get; }

    public async Task StartAsync(CancellationToken cancellation)
    {
        await _barrier.StartAsync(cancellation);
        await Link.ConnectAsync(cancellation);
    }

    /// <summary>Starts <see cref="LaneController.RunAsync"/>: heartbeats (they also end the lane's offline mode after a failed call), cache refreshes, replay.</summary>
    public void StartLoop()
    {
        _stopLoop = new CancellationTokenSource();
        _loop = Controller.RunAsync(_stopLoop.Token);
    }

    public async Task StopLoopAsync()
    {
        if (_stopLoop is { } stop && _loop is { } loop)
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
            (_stopLoop, _loop) = (null, null);
        }
    }

    /// <summary>
    /// One vehicle with <paramref name="plate"/> (as printed, e.g. <c>51F-123.45</c>): with <paramref name="readPlate"/> its
    /// frame is rendered (not timed), then timed from the start of the plate read through the decision to the barrier's
    /// open command returning. A misread or unsure read is counted and the true plate stands in for the operator's correction.
    /// </summary>
    public async Task<LaneSample> VehicleAsync(string plate, bool readPlate, CancellationToken cancellation)
    {
        var expected = Normalise(plate);
        PlateRead? read = null;
        long started;
        var plateMilliseconds = double.NaN;
        if (readPlate)
        {
            var frame = _camera.Capture(plate);
            started = Stopwatch.GetTimestamp();
            read = await _reader.ReadAsync(frame.Image, cancellation);
            plateMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        else
        {
            started = Stopwatch.GetTimestamp();
        }

        var correct = read is null || (read.IsConfident(_threshold) && read.Text == expected);
        var decided = Stopwatch.GetTimestamp();
        var decision = await _runner.HandleAsync(expected, null, read, cancellation);
        var opened = _barrier.LastOpened;
        var endToEnd = decision.Open && opened > decided ? Stopwatch.GetElapsedTime(started, opened).TotalMilliseconds : double.NaN;
        var barrier = decision.Open && opened > decided ? Stopwatch.GetElapsedTime(decided, opened).TotalMilliseconds : double.NaN;
        return new LaneSample(Options.GateId, expected, decision.EventId, decision.Open, decision.Offline, plateMilliseconds, correct,
            decision.Milliseconds, barrier, endToEnd, decision.Open ? null : decision.Message, decision.At);
    }

    /// <summary>A plate as the reader and the lot write it: upper case, no spaces, dots or dashes.</summary>
    public static string Normalise(string plate) =>
        string.Concat(plate.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    public async ValueTask DisposeAsync()
    {
        await StopLoopAsync();
        await _barrier.DisposeAsync();
        await _camera.DisposeAsync();
        await Link.DisposeAsync();
        Journal.Dispose();
    }
}
