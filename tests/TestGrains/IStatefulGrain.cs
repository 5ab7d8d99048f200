using ParkingGrains.Runtime;

namespace ParkingGrains.TestGrains;

public interface IStatefulGrain : IGrainWithStringKey
{
    /// <summary>Appends and persists before returning: an acknowledged value is durable.</summary>
    [Idempotent]
    Task<int> Append(string value);

    [ReadOnly]
    Task<IReadOnlyList<string>> GetValues();

    [ReadOnly]
    Task<string?> GetETag();

    Task Deactivate();

    [ReadOnly]
    Task<string> GetSilo();
}
