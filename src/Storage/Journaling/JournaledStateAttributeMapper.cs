using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using ParkingGrains.Storage.EventLog;

namespace ParkingGrains.Storage.Journaling;

/// <summary>Builds the <see cref="IJournaledState{TState,TEvent}"/> of a grain constructor parameter marked <see cref="JournaledStateAttribute"/>.</summary>
internal sealed class JournaledStateAttributeMapper : IAttributeToFactoryMapper<JournaledStateAttribute>
{
    private static readonly MethodInfo s_create = typeof(JournaledStateAttributeMapper).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, JournaledStateAttribute metadata)
    {
        if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IJournaledState<,>))
        {
            throw new ArgumentException(
                $"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType} is marked [JournaledState] but is not an {typeof(IJournaledState<,>).Name}.",
                parameter.Name);
        }

        var create = s_create.MakeGenericMethod(parameter.ParameterType.GetGenericArguments());
        return context => create.Invoke(null, [context, metadata])!;
    }

    private static object Create<TState, TEvent>(IGrainContext context, JournaledStateAttribute metadata)
        where TState : class, IJournaledStateOf<TEvent>, new()
        where TEvent : class
    {
        var services = context.ActivationServices;
        var name = metadata.StorageName ?? ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME;
        var log = services.GetKeyedService<IEventLogStorage>(name)
            ?? throw new InvalidOperationException($"No event log named '{name}' is configured for {context.GrainId}.");
        var snapshotEvery = services.GetService<IOptions<JournalOptions>>()?.Value.SnapshotEvery.GetValueOrDefault(metadata.StreamName) is > 0 and var configured
            ? configured
            : metadata.SnapshotEvery;
        var snapshots = snapshotEvery > 0 ? services.GetKeyedService<IGrainStorage>(name) : null;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<JournaledState<TState, TEvent>>();
        var state = new JournaledState<TState, TEvent>(metadata.StreamName, log, snapshots, snapshotEvery, context, logger);
        context.ObservableLifecycle.Subscribe(nameof(JournaledState<TState, TEvent>), GrainLifecycleStage.SetupState, state);
        return state;
    }
}
