namespace ParkingGrains.Runtime;

/// <summary>
/// Event-sourced grain state (the idea of Orleans' JournaledGrain): decisions are appended as events, durably,
/// and then applied to <see cref="State"/>. On activation the state is rebuilt from the latest snapshot plus the
/// events after it, so a grain that moves to another silo resumes exactly where it was.
/// </summary>
public interface IJournaledState<TState, TEvent>
    where TState : class, IJournaledStateOf<TEvent>, new()
    where TEvent : class
{
    /// <summary>The state with every confirmed event applied.</summary>
    TState State { get; }

    /// <summary>Number of confirmed events.</summary>
    long Version { get; }

    /// <summary>
    /// Stores the events in one durable step, then applies them. Throws <see cref="InconsistentStateException"/>
    /// (state untouched) when another activation appended first; the activation then deactivates so the next
    /// call rebuilds from the log.
    /// </summary>
    Task AppendAsync(params TEvent[] events);
}
