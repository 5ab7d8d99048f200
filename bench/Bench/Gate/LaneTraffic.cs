namespace ParkingGrains.Bench.Gate;

/// <summary>
/// The cars of a benchmark run: new Vietnamese plates for the entry lanes (unique within the run), and the cars inside,
/// oldest first, for the exit lanes. Cars let in while <see cref="HoldArrivals"/> is set (offline) are kept back from the
/// exit lanes until it is cleared: an exit lane knows only the stays its cache held when the cluster went away.
/// </summary>
public sealed class LaneTraffic
{
    private const string Series = "ABCDEFGHKLMNPSTUVXYZ";
    private readonly Random _random = new(20_260_510);
    private readonly HashSet<string> _issued = [];
    private readonly Queue<string> _waiting = [];
    private readonly List<string> _held = [];
    private readonly HashSet<string> _inside = [];
    private readonly Lock _lock = new();

    public bool HoldArrivals { get; set; }

    /// <summary>Exit lanes found no car to let out.</summary>
    public int Idle { get; private set; }

    /// <summary>The plates inside the lot as the lanes decided them (normalised).</summary>
    public IReadOnlyCollection<string> Inside
    {
        get
        {
            lock (_lock)
            {
                return [.. _inside];
            }
        }
    }

    /// <summary>A plate as printed, e.g. <c>51F-123.45</c>.</summary>
    public string NewPlate()
    {
        lock (_lock)
        {
            while (true)
            {
                var plate = $"{_random.Next(11, 100)}{Series[_random.Next(Series.Length)]}-{_random.Next(100, 1000)}.{_random.Next(0, 100):00}";
                if (_issued.Add(plate))
                {
                    return plate;
                }
            }
        }
    }

    /// <summary>The car that has been inside longest, or null (counted as idle).</summary>
    public string? TakeInside()
    {
        lock (_lock)
        {
            if (_waiting.TryDequeue(out var plate))
            {
                return plate;
            }

            Idle++;
            return null;
        }
    }

    /// <summary>What a lane decided for <paramref name="plate"/>: an admitted car is inside, a car let out is gone, a refused exit waits again.</summary>
    public void Record(string plate, bool exit, LaneSample sample)
    {
        lock (_lock)
        {
            var normalised = BenchLane.Normalise(plate);
            if (!exit && sample.Open)
            {
                _inside.Add(normalised);
                if (HoldArrivals)
                {
                    _held.Add(plate);
                }
                else
                {
                    _waiting.Enqueue(plate);
                }
            }
            else if (exit && sample.Open)
            {
                _inside.Remove(normalised);
            }
            else if (exit)
            {
                _waiting.Enqueue(plate);
            }
        }
    }

    /// <summary>Cars let in offline may leave now.</summary>
    public void ReleaseHeld()
    {
        lock (_lock)
        {
            HoldArrivals = false;
            foreach (var plate in _held)
            {
                _waiting.Enqueue(plate);
            }

            _held.Clear();
        }
    }
}
