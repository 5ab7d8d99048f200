using System.Collections.Concurrent;
using System.Reflection;

namespace ParkingGrains.Runtime.Core;

/// <summary>
/// The runtime-generated implementation of every grain and observer interface (System.Reflection.DispatchProxy
/// emits the type once per interface), so no proxy is ever written by hand.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy derives the generated proxy type from this class.
internal class GrainProxy : DispatchProxy, IGrainIdentity
#pragma warning restore CA1852
{
    private IRuntimeClient _runtime = null!;
    private GrainInterfaceInfo _interface = null!;

    public GrainId GrainId { get; private set; }

    internal GrainInterfaceInfo Interface => _interface;

    // DispatchProxy.Create goes through reflection (binder, argument arrays) on every call, and a grain reference is
    // made for every call a grain sends: one instance per interface is created that way and then copied, which
    // costs what allocating any small object costs.
    private static readonly ConcurrentDictionary<Type, GrainProxy> s_prototypes = new();

    public static object Create(IRuntimeClient runtime, GrainInterfaceInfo grainInterface, GrainId grainId)
    {
        var prototype = s_prototypes.GetOrAdd(grainInterface.Type, static type => (GrainProxy)Create(type, typeof(GrainProxy)));
        var proxy = (GrainProxy)prototype.MemberwiseClone();
        proxy._runtime = runtime;
        proxy._interface = grainInterface;
        proxy.GrainId = grainId;
        return proxy;
    }

    public override bool Equals(object? obj) => obj is IGrainIdentity other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"{_interface.Type.Name}({GrainId})";

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = _interface.GetMethod(targetMethod);
        var task = _runtime.Invoke(GrainId, method, args ?? []);
        return method.Method.ReturnType == typeof(void) ? null : task;
    }
}
