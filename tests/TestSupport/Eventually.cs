namespace ParkingGrains.TestSupport;

/// <summary>Waits for a condition with a deadline, checking often, instead of sleeping and hoping.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        Exception? last = null;
        T value = default!;
        while (true)
        {
            try
            {
                value = await probe();
                if (condition(value))
                {
                    return value;
                }

                last = null;
            }
            catch (Exception ex)
            {
                last = ex; // a cluster in failover answers with errors for a while
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met in time{(because is null ? "" : $": {because}")}; last value {value}.", last);
            }

            await Task.Delay(25);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null) =>
        ReturnsAsync(condition, ok => ok, timeout, because);
}
