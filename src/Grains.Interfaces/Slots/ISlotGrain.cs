using Orleans;
using Orleans.Concurrency;
using ParkingGrains.Grains.Interfaces.Calls;

namespace ParkingGrains.Grains.Interfaces.Slots;

/// <summary>
/// One parking slot (key: "{lotId}/{slotId}", see <see cref="SlotKeys"/>), its sensor side: debounced occupancy,
/// battery and liveness of the slot's sensor. Accepted occupancy changes, suppressed flaps and battery alarms are
/// recorded in the slot's event log, which is part of the append-only history.
/// </summary>
public interface ISlotGrain : IGrainWithStringKey
{
    /// <summary>
    /// A status message from the slot's sensor. A reading whose sequence is not above the last accepted one is a
    /// duplicate or arrived out of order: it is ignored and the current state returned, so resending is harmless.
    /// Throws <see cref="ArgumentException"/> for malformed readings (empty sensor id, NaN distance, far-future time).
    /// </summary>
    [Idempotent]
    Task<SensorState> ReportSensor(SensorReading reading);

    /// <summary>The sensor's sign of life between status messages (kept in memory, not in the history).</summary>
    Task Heartbeat(string sensorId, DateTimeOffset time);

    [ReadOnly]
    Task<SensorState> GetSensor();
}
