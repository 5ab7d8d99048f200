using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParkingGrains.Runtime.Membership;
using ParkingGrains.Runtime.Reminders;
using ParkingGrains.Runtime.Storage;

namespace ParkingGrains.Runtime.Hosting;

/// <summary>Configures one silo's services: options, grain assemblies, membership, storage, reminders and filters.</summary>
public sealed partial class SiloBuilder
{
    internal SiloBuilder(IServiceCollection services, SiloOptions options)
    {
        Services = services;
        Options = options;
    }

    public IServiceCollection Services { get; }

    public SiloOptions Options { get; }

    public SiloBuilder Configure(Action<SiloOptions> configure)
    {
        configure(Options);
        return this;
    }

    public SiloBuilder ConfigureMembership(Action<ClusterMembershipOptions> configure)
    {
        var options = GetOrAddSingleton(new ClusterMembershipOptions());
        configure(options);
        return this;
    }

    public SiloBuilder AddGrainAssembly(Assembly assembly)
    {
        if (!Options.GrainAssemblies.Contains(assembly))
        {
            Options.GrainAssemblies.Add(assembly);
        }

        return this;
    }

    public SiloBuilder UseMembershipTable(Func<IServiceProvider, IMembershipTable> factory)
    {
        Services.RemoveAll<IMembershipTable>();
        Services.AddSingleton(factory);
        return this;
    }

    public SiloBuilder UseReminderTable(Func<IServiceProvider, IReminderTable> factory)
    {
        Services.RemoveAll<IReminderTable>();
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>Adds a named grain storage; grains pick it with [PersistentState(name, storageName)] ("Default" when omitted).</summary>
    public SiloBuilder AddGrainStorage(string name, Func<IServiceProvider, IGrainStorage> factory)
    {
        Services.AddKeyedSingleton(name, (sp, _) => factory(sp));
        return this;
    }

    /// <summary>Adds a named event log for [JournaledState] grains (snapshots go to the grain storage of the same name).</summary>
    public SiloBuilder AddEventLog(string name, Func<IServiceProvider, EventLog.IEventLogStorage> factory)
    {
        Services.AddKeyedSingleton(name, (sp, _) => factory(sp));
        return this;
    }

    public SiloBuilder AddIncomingGrainCallFilter<TFilter>()
        where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }

    /// <summary>Grain call counts and durations on the "ParkingGrains.Runtime" meter.</summary>
    public SiloBuilder AddGrainCallMetrics() => AddIncomingGrainCallFilter<Diagnostics.GrainCallMetricsFilter>();

    public SiloBuilder AddOutgoingGrainCallFilter<TFilter>()
        where TFilter : class, IOutgoingGrainCallFilter
    {
        Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return this;
    }

    private T GetOrAddSingleton<T>(T created)
        where T : class
    {
        if (Services.FirstOrDefault(d => d.ServiceType == typeof(T) && d.ImplementationInstance is T)?.ImplementationInstance is T existing)
        {
            return existing;
        }

        Services.AddSingleton(created);
        return created;
    }
}
