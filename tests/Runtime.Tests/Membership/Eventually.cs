using System.Diagnostics;

namespace ParkingGrains.Runtime.Tests.Membership;

/// <summary>Waits for a condition with a deadline instead of sleeping and hoping.</summary>
internal static class Eventually
{
    public static async Task<TimeSpan> WaitUntilAsync(Func<bool> condition, TimeSpan deadline, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > deadline)
            {
                Assert.Fail($"Timed out after {deadline.TotalSeconds:0.0} s waiting until {what}.");
            }

            await Task.Delay(10);
        }

        return watch.Elapsed;
    }

    public static async Task CompletesAsync(Task task, TimeSpan deadline, string what)
    {
        var finished = await Task.WhenAny(task, Task.Delay(deadline));
        Assert.True(finished == task, $"Timed out after {deadline.TotalSeconds:0.0} s waiting until {what}.");
        await task;
    }
}
