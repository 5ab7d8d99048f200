using ParkingGrains.Grains.Persistence;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.Grains.Accounts;

public sealed class UserDirectoryGrain([PersistentState("users")] IPersistentState<UserDirectoryState> state) : Grain, IUserDirectoryGrain
{
    public async Task Add(string username)
    {
        var names = state.State.Usernames;
        var index = names.BinarySearch(username, StringComparer.Ordinal);
        if (index >= 0)
        {
            return;
        }

        names.Insert(~index, username);
        await this.WriteOrForgetAsync(state);
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Usernames]);
}
