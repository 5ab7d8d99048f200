using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.Runtime.Storage;

namespace ParkingGrains.Runtime.Core;

/// <summary>
/// Creates grain instances: constructor parameters marked [PersistentState] get a state bound to this grain and the
/// named storage, IGrainContext/IGrainFactory get the activation's, anything else comes from the silo's services.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services)
{
    public const string DefaultStorageName = Hosting.GrainStorageNames.Default;

    private readonly ConcurrentDictionary<Type, ConstructorPlan> _plans = new();

    public (object Grain, IReadOnlyList<IPersistentStateLoader> States) Create(Type grainClass, ActivationData activation)
    {
        var plan = _plans.GetOrAdd(grainClass, static t => ConstructorPlan.For(t));
        var states = new List<IPersistentStateLoader>();
        var args = new object?[plan.Parameters.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var parameter = plan.Parameters[i];
            if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } stateAttribute)
            {
                var state = CreateState(parameter, stateAttribute, activation);
                states.Add((IPersistentStateLoader)state);
                args[i] = state;
            }
            else if (parameter.GetCustomAttribute<JournaledStateAttribute>() is { } journalAttribute)
            {
                var journal = CreateJournal(parameter, journalAttribute, activation);
                states.Add((IPersistentStateLoader)journal);
                args[i] = journal;
            }
            else if (parameter.ParameterType == typeof(IGrainContext))
            {
                args[i] = activation;
            }
            else if (parameter.ParameterType == typeof(IGrainFactory))
            {
                args[i] = activation.Runtime.Client;
            }
            else
            {
                args[i] = parameter.HasDefaultValue
                    ? services.GetService(parameter.ParameterType) ?? parameter.DefaultValue
                    : services.GetRequiredService(parameter.ParameterType);
            }
        }

        var grain = plan.Constructor.Invoke(args);
        if (grain is Grain baseGrain)
        {
            baseGrain.Attach(activation);
        }

        return (grain, states);
    }

    private object CreateState(ParameterInfo parameter, PersistentStateAttribute attribute, ActivationData activation)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException(
                $"[PersistentState] parameter '{parameter.Name}' of {parameter.Member.DeclaringType} must be IPersistentState<T>.");
        }

        var storageName = attribute.StorageName ?? DefaultStorageName;
        var storage = services.GetKeyedService<IGrainStorage>(storageName)
            ?? throw new InvalidOperationException($"No grain storage named '{storageName}' is configured (needed by {activation.GrainId}).");
        var stateType = typeof(PersistentState<>).MakeGenericType(type.GetGenericArguments()[0]);
        return Activator.CreateInstance(stateType, attribute.StateName, storage, activation)!;
    }

    private object CreateJournal(ParameterInfo parameter, JournaledStateAttribute attribute, ActivationData activation)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IJournaledState<,>))
        {
            throw new InvalidOperationException(
                $"[JournaledState] parameter '{parameter.Name}' of {parameter.Member.DeclaringType} must be IJournaledState<TState, TEvent>.");
        }

        var storageName = attribute.StorageName ?? DefaultStorageName;
        var log = services.GetKeyedService<EventLog.IEventLogStorage>(storageName)
            ?? throw new InvalidOperationException($"No event log named '{storageName}' is configured (needed by {activation.GrainId}).");
        var snapshots = services.GetKeyedService<IGrainStorage>(storageName);
        var journalType = typeof(JournaledState<,>).MakeGenericType(type.GetGenericArguments());
        return Activator.CreateInstance(journalType, attribute.StreamName, log, snapshots, attribute.SnapshotEvery, activation)!;
    }

    private sealed record ConstructorPlan(ConstructorInfo Constructor, ParameterInfo[] Parameters)
    {
        public static ConstructorPlan For(Type grainClass)
        {
            var constructor = grainClass.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
                ?? throw new InvalidOperationException($"Grain class {grainClass} has no public constructor.");
            return new ConstructorPlan(constructor, constructor.GetParameters());
        }
    }
}
