namespace ParkingGrains.Storage.Journaling;

/// <summary>State that knows how to apply its grain's events. Apply must be deterministic: replay relies on it.</summary>
public interface IJournaledStateOf<in TEvent>
{
    void Apply(TEvent @event);
}
