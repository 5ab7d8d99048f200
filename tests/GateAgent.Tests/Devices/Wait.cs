using System.Threading.Channels;

namespace ParkingGrains.GateAgent.Tests.Devices;

/// <summary>Waiting on what a device reports, with a deadline instead of a sleep.</summary>
public static class Wait
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task<T> NextAsync<T>(ChannelReader<T> reader)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            return await reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Nothing was reported within {Deadline}.");
        }
    }

    public static async Task UntilAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {Deadline}: {because}.");
            }

            await Task.Delay(10);
        }
    }
}
