namespace ParkingGrains.Storage.Journaling;

/// <summary>
/// Event-sourced grain state (the idea of Orleans' JournaledGrain). A grain decides on <see cref="State"/>,
/// <see cref="Raise"/>s the events of its decision (applied at once, tentatively) and awaits
/// <see cref="ConfirmAsync"/> before acknowledging. Events raised while an append is in flight are appended
/// together in the next one, so a [Reentrant] grain makes decisions at memory speed and pays one durable write
/// per batch, acknowledging each decision only once it is durable and in order.
/// On activation the state is rebuilt from the latest snapshot plus the events after it.
/// </summary>
public interface IJournaledState<TState, TEvent>
    where TState : class, IJournaledStateOf<TEvent>, new()
    where TEvent : class
{
    /// <summary>The state with every raised event applied, confirmed or not.</summary>
    TState State { get; }

    /// <summary>Events raised so far (confirmed and tentative).</summary>
    long Version { get; }

    /// <summary>Events known to be durable.</summary>
    long ConfirmedVersion { get; }

    /// <summary>Applies the events now and queues them for the next append. Synchronous: call it in the same turn as the decision.</summary>
    void Raise(params TEvent[] events);

    /// <summary>
    /// Completes when everything raised so far is durable. Throws <see cref="InconsistentStateException"/> when
    /// another activation appended first (this one is stale: it deactivates and every unconfirmed decision fails).
    /// </summary>
    Task ConfirmAsync();
}
