using ParkingGrains.Runtime.Core;

namespace ParkingGrains.Runtime;

/// <summary>
/// Base class of grain implementations. Code in a grain runs one turn at a time on its activation, so fields need
/// no locks; awaiting another grain does not let a second request in unless the grain is [Reentrant].
/// </summary>
public abstract class Grain : IGrainIdentity
{
    private ActivationData? _activation;

    public IGrainContext GrainContext => Activation;

    GrainId IGrainIdentity.GrainId => Activation.GrainId;

    protected IGrainFactory GrainFactory => Activation.Runtime.Client;

    private ActivationData Activation =>
        _activation ?? throw new InvalidOperationException($"{GetType().Name} was not created by the grain runtime.");

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    internal void Attach(ActivationData activation) => _activation = activation;

    /// <summary>Deactivate after the current request; the next call creates a fresh activation.</summary>
    protected void DeactivateOnIdle() => Activation.StartDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>A timer whose callback runs as a turn of this grain; it dies with the activation (use reminders for durability).</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Activation.RegisterTimer(callback, dueTime, period);

    /// <summary>A durable reminder: survives deactivation and silo restarts, and fires on whichever silo owns the grain.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Activation.Runtime.Reminders.RegisterOrUpdateAsync(Activation.GrainId, reminderName, dueTime, period);

    protected Task UnregisterReminder(IGrainReminder reminder) =>
        Activation.Runtime.Reminders.UnregisterAsync(Activation.GrainId, reminder);

    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        Activation.Runtime.Reminders.GetAsync(Activation.GrainId, reminderName);
}
