using System.Collections.Frozen;
using System.Reflection;

namespace ParkingGrains.Runtime.Core;

/// <summary>
/// Which grain type implements each grain interface, and (in a silo) which class implements each grain type.
/// Silos build it by scanning grain assemblies; clients receive the interface map from the gateway, as Orleans
/// clients receive the cluster manifest.
/// </summary>
internal sealed class GrainTypeManifest
{
    private readonly FrozenDictionary<int, string> _grainTypeByInterface;
    private readonly FrozenDictionary<string, Type> _classByGrainType;

    public GrainTypeManifest(IReadOnlyDictionary<int, string> grainTypeByInterface, IReadOnlyDictionary<string, Type>? classByGrainType = null)
    {
        _grainTypeByInterface = grainTypeByInterface.ToFrozenDictionary();
        _classByGrainType = (classByGrainType ?? new Dictionary<string, Type>()).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<int, string> GrainTypeByInterface => _grainTypeByInterface;

    public IEnumerable<KeyValuePair<string, Type>> GrainClasses => _classByGrainType;

    public static GrainTypeManifest FromAssemblies(IEnumerable<Assembly> assemblies, GrainInterfaceRegistry interfaces)
    {
        var byInterface = new Dictionary<int, string>();
        var byGrainType = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (!type.IsClass || type.IsAbstract || !typeof(Grain).IsAssignableFrom(type) || type.ContainsGenericParameters)
            {
                continue;
            }

            var grainType = GrainTypeName(type);
            if (byGrainType.TryGetValue(grainType, out var other))
            {
                throw new InvalidOperationException($"Grain classes {other} and {type} both use grain type '{grainType}'; rename one with [GrainType].");
            }

            byGrainType[grainType] = type;
            interfaces.RegisterImplemented(type);
            foreach (var iface in type.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i) && !GrainInterfaceRegistry.IsMarker(i) && i != typeof(IRemindable)))
            {
                var id = interfaces.Get(iface).InterfaceId;
                if (byInterface.TryGetValue(id, out var existing) && existing != grainType)
                {
                    throw new InvalidOperationException($"{iface} is implemented by grain types '{existing}' and '{grainType}'; each grain interface needs one implementation.");
                }

                byInterface[id] = grainType;
            }
        }

        return new GrainTypeManifest(byInterface, byGrainType);
    }

    public static string GrainTypeName(Type grainClass)
    {
        if (grainClass.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return attribute.Name;
        }

        var name = grainClass.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    public string GetGrainType(GrainInterfaceInfo grainInterface) =>
        _grainTypeByInterface.TryGetValue(grainInterface.InterfaceId, out var grainType)
            ? grainType
            : throw new InvalidOperationException($"No grain class in the cluster implements {grainInterface.Name}.");

    public Type? FindGrainClass(string grainType) => _classByGrainType.GetValueOrDefault(grainType);
}
