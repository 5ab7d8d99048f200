using ParkingGrains.Runtime.Storage;

namespace ParkingGrains.Runtime.Tests.Storage;

public sealed class MemoryGrainStorageTests : GrainStorageContractTests
{
    private readonly MemoryGrainStorage _shared = new();

    // Silos in one process share the instance.
    protected override Task<IGrainStorage> CreateSiloStorageAsync() => Task.FromResult<IGrainStorage>(_shared);
}
