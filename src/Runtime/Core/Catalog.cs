using System.Collections.Concurrent;
using System.Diagnostics;

namespace ParkingGrains.Runtime.Core;

/// <summary>The activations living in this silo, created on first message and collected when idle.</summary>
internal sealed class Catalog(SiloRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();

    public int Count => _activations.Count;

    public IEnumerable<ActivationData> Activations => _activations.Values;

    public void Deliver(Message message)
    {
        while (true)
        {
            var activation = GetOrCreate(message.Target);
            if (activation.Enqueue(message))
            {
                return;
            }

            // Lost the race with a deactivation: remove the dead entry (if still there) and create afresh.
            _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(message.Target, activation));
        }
    }

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    public void DeactivateIdle(TimeSpan age)
    {
        var threshold = Stopwatch.GetTimestamp() - (long)(age.TotalSeconds * Stopwatch.Frequency);
        foreach (var activation in _activations.Values)
        {
            if (activation.IsIdleSince(threshold))
            {
                activation.StartDeactivation(DeactivationReason.IdleCollection);
            }
        }
    }

    public void DeactivateWhere(Func<GrainId, bool> predicate, DeactivationReason reason)
    {
        foreach (var activation in _activations.Values)
        {
            if (predicate(activation.GrainId))
            {
                activation.StartDeactivation(reason);
            }
        }
    }

    /// <summary>Graceful: every activation runs OnDeactivateAsync (grains write their state there).</summary>
    public async Task DeactivateAllAsync(TimeSpan timeout)
    {
        var all = _activations.Values.ToList();
        DeactivateWhere(static _ => true, DeactivationReason.ShuttingDown);
        try
        {
            await Task.WhenAll(all.Select(a => a.Deactivated)).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // Whatever is still running is abandoned like a crash; its unacknowledged writes are not lost decisions.
        }
    }

    public void KillAll()
    {
        foreach (var activation in _activations.Values)
        {
            activation.Kill();
        }

        _activations.Clear();
    }

    private ActivationData GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        var grainClass = runtime.Manifest.FindGrainClass(grainId.Type)
            ?? throw new InvalidOperationException($"No grain class for grain type '{grainId.Type}' (grain {grainId}).");
        var created = new ActivationData(grainId, grainClass, runtime);
        var winner = _activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(winner, created))
        {
            created.StartActivation();
        }

        return winner;
    }
}
