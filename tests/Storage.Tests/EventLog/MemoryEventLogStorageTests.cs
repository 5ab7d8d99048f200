using ParkingGrains.Storage.EventLog;

namespace ParkingGrains.Storage.Tests.EventLog;

public sealed class MemoryEventLogStorageTests : EventLogContractTests
{
    private readonly MemoryEventLogStorage _shared = new();

    // Silos in one process share the instance; another service would have its own.
    protected override Task<IEventLogStorage> CreateSiloLogAsync() => Task.FromResult<IEventLogStorage>(_shared);

    protected override Task<IEventLogStorage> CreateOtherServiceLogAsync() => Task.FromResult<IEventLogStorage>(new MemoryEventLogStorage());
}
