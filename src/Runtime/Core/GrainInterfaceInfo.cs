using System.Reflection;

namespace ParkingGrains.Runtime.Core;

/// <summary>A grain or observer interface with its methods indexed by stable id (ids match in every process).</summary>
internal sealed class GrainInterfaceInfo
{
    private readonly Dictionary<int, InterfaceMethod> _byId = [];
    private readonly Dictionary<MethodInfo, InterfaceMethod> _byMethod = [];

    public GrainInterfaceInfo(Type type)
    {
        if (!type.IsInterface || !typeof(IAddressable).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type} is not a grain or observer interface.", nameof(type));
        }

        Type = type;
        Name = type.FullName!;
        InterfaceId = (int)StableHash.Compute(Name);
        IsObserver = typeof(IGrainObserver).IsAssignableFrom(type);
        foreach (var method in new[] { type }.Concat(type.GetInterfaces()).SelectMany(i => i.GetMethods()))
        {
            var info = new InterfaceMethod(this, method);
            if (!_byId.TryAdd(info.MethodId, info))
            {
                throw new InvalidOperationException($"Method id collision on {Name}: {info.DisplayName} and {_byId[info.MethodId].DisplayName}.");
            }

            _byMethod[method] = info;
        }
    }

    public Type Type { get; }

    public string Name { get; }

    public int InterfaceId { get; }

    public bool IsObserver { get; }

    public IEnumerable<InterfaceMethod> Methods => _byId.Values;

    public InterfaceMethod? FindMethod(int methodId) => _byId.GetValueOrDefault(methodId);

    public InterfaceMethod GetMethod(MethodInfo method) =>
        _byMethod.TryGetValue(method, out var info) ? info : throw new InvalidOperationException($"{method.Name} is not a method of {Name}.");
}
