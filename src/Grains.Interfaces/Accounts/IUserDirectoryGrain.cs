using Orleans;
using Orleans.Concurrency;
using ParkingGrains.Grains.Interfaces.Calls;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>The list of usernames (a single grain, key <see cref="AccountGrainKeys.UserDirectory"/>), so users can be listed.</summary>
public interface IUserDirectoryGrain : IGrainWithStringKey
{
    [Idempotent]
    Task Add(string username);

    [ReadOnly]
    Task<IReadOnlyList<string>> List();
}
