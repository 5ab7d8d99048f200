using System.Reflection;
using Microsoft.Extensions.Logging;
using ParkingGrains.Runtime.Cluster;
using ParkingGrains.Runtime.Hosting;
using ParkingGrains.Runtime.Reminders;

namespace ParkingGrains.Runtime.Core;

/// <summary>The parts of one silo that activations and the router share.</summary>
internal sealed class SiloRuntime
{
    private readonly IIncomingGrainCallFilter[] _incomingFilters;

    public SiloRuntime(SiloOptions options, IServiceProvider services, ILogger logger, GrainInterfaceRegistry interfaces, GrainTypeManifest manifest, IEnumerable<IIncomingGrainCallFilter> incomingFilters)
    {
        Options = options;
        Services = services;
        Logger = logger;
        Interfaces = interfaces;
        Manifest = manifest;
        _incomingFilters = [.. incomingFilters];
        Catalog = new Catalog(this);
        GrainActivator = new GrainActivator(services);
    }

    public SiloOptions Options { get; }

    public IServiceProvider Services { get; }

    public ILogger Logger { get; }

    public GrainInterfaceRegistry Interfaces { get; }

    public GrainTypeManifest Manifest { get; }

    public Catalog Catalog { get; }

    public GrainActivator GrainActivator { get; }

    public SiloAddress SiloAddress { get; set; } = null!;

    public SiloRuntimeClient Client { get; set; } = null!;

    public ReminderService Reminders { get; set; } = null!;

    public bool IsKilled { get; set; }

    public bool HasIncomingFilters => _incomingFilters.Length > 0;

    /// <summary>Runs the incoming filters around the call; the result comes back boxed.</summary>
    public async Task<object?> InvokeWithFilters(object grain, Message message)
    {
        var context = new IncomingCallContext(grain, message, _incomingFilters);
        await context.Invoke();
        return context.Result;
    }

    private sealed class IncomingCallContext(object grain, Message message, IIncomingGrainCallFilter[] filters) : IIncomingGrainCallContext
    {
        private int _next;

        public object Grain => grain;

        public GrainId TargetId => message.Target;

        public MethodInfo InterfaceMethod => message.Method.Method;

        public object?[] Arguments => message.Arguments;

        public object? Result { get; set; }

        public async Task Invoke()
        {
            if (_next < filters.Length)
            {
                await filters[_next++].Invoke(this);
                return;
            }

            var task = message.Method.Invoker(grain, message.Arguments);
            await task;
            Result = message.Method.GetResult(task);
        }
    }
}
