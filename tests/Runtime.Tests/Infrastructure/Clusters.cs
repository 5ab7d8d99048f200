using ParkingGrains.Runtime.Hosting;
using ParkingGrains.Runtime.Testing;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Infrastructure;

public static class Clusters
{
    /// <summary>An in-process cluster of real silos with the test grains; membership tuned for quick detection unless told otherwise.</summary>
    public static Task<TestCluster> StartAsync(int silos = 2, Action<SiloBuilder>? configure = null, bool defaultMembershipTiming = false)
    {
        var options = new TestClusterOptions { InitialSiloCount = silos };
        options.GrainAssemblies.Add(typeof(CounterGrain).Assembly);
        options.ConfigureSilo = builder =>
        {
            builder.Configure(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(200));
            if (!defaultMembershipTiming)
            {
                builder.ConfigureMembership(m =>
                {
                    m.ProbePeriod = TimeSpan.FromMilliseconds(500);
                    m.ProbeTimeout = TimeSpan.FromMilliseconds(500);
                    m.TableRefreshPeriod = TimeSpan.FromSeconds(1);
                });
            }

            configure?.Invoke(builder);
        };
        return TestCluster.StartAsync(options);
    }

    /// <summary>Waits for a condition, polling; fails with the description when the deadline passes.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for: {description}");
            }

            await Task.Delay(50);
        }
    }
}
