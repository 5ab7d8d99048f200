namespace ParkingGrains.Grains.Persistence;

/// <summary>
/// Writes a grain's persistent state and, when the write fails, lets the activation go once this call is done.
/// Orleans keeps an activation whose write failed (it deactivates only on an InconsistentStateException), and with it
/// the change that never reached storage: the next call would build on it (a retried refresh would look like a token
/// reuse, a retried card change would see itself as already made). After deactivation the next call reads what storage
/// really holds.
/// </summary>
public static class DurableWrites
{
    public static async Task WriteOrForgetAsync<TState>(this IGrainBase grain, IPersistentState<TState> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
