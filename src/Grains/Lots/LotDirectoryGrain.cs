using ParkingGrains.Grains.Persistence;
using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Lots;

public sealed class LotDirectoryGrain([PersistentState("lots")] IPersistentState<LotDirectoryState> state) : Grain, ILotDirectoryGrain
{
    public async Task Register(LotSummary lot)
    {
        if (state.State.Lots.TryGetValue(lot.LotId, out var existing) && existing == lot)
        {
            return;
        }

        state.State.Lots[lot.LotId] = lot;
        await this.WriteOrForgetAsync(state);
    }

    public async Task Unregister(string lotId)
    {
        if (state.State.Lots.Remove(lotId))
        {
            await this.WriteOrForgetAsync(state);
        }
    }

    public Task<IReadOnlyList<LotSummary>> List() =>
        Task.FromResult<IReadOnlyList<LotSummary>>(state.State.Lots.Values.OrderBy(l => l.LotId, StringComparer.Ordinal).ToList());
}
