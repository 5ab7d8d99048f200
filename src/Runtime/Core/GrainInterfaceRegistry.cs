using System.Collections.Concurrent;

namespace ParkingGrains.Runtime.Core;

/// <summary>All grain and observer interfaces this process knows, by type and by wire id.</summary>
internal sealed class GrainInterfaceRegistry
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceInfo> _byType = new();
    private readonly ConcurrentDictionary<int, GrainInterfaceInfo> _byId = new();

    public GrainInterfaceInfo Get(Type type) => _byType.TryGetValue(type, out var info) ? info : Register(type);

    public GrainInterfaceInfo? Find(int interfaceId) => _byId.GetValueOrDefault(interfaceId);

    public GrainInterfaceInfo Register(Type type)
    {
        var info = _byType.GetOrAdd(type, static t => new GrainInterfaceInfo(t));
        var existing = _byId.GetOrAdd(info.InterfaceId, info);
        if (!ReferenceEquals(existing, info) && existing.Type != type)
        {
            throw new InvalidOperationException($"Interface id collision: {existing.Name} and {info.Name}.");
        }

        return info;
    }

    /// <summary>Registers every grain/observer interface a type implements (its own included when it is one).</summary>
    public void RegisterImplemented(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Append(type))
        {
            if (candidate.IsInterface && typeof(IAddressable).IsAssignableFrom(candidate) && !IsMarker(candidate))
            {
                Register(candidate);
            }
        }
    }

    /// <summary>Marker interfaces carry no methods and never name a grain type.</summary>
    public static bool IsMarker(Type type) =>
        type == typeof(IAddressable) || type == typeof(IGrain) || type == typeof(IGrainWithStringKey) || type == typeof(IGrainObserver);
}
