using ParkingGrains.Runtime.Core;

namespace ParkingGrains.Runtime;

public static class AddressableExtensions
{
    /// <summary>The grain id of a grain reference, observer reference or grain instance.</summary>
    public static GrainId GetGrainId(this IAddressable addressable) =>
        addressable is IGrainIdentity identity
            ? identity.GrainId
            : throw new ArgumentException($"{addressable.GetType()} is neither a grain reference nor an activated grain.", nameof(addressable));

    public static string GetPrimaryKeyString(this IAddressable addressable) => addressable.GetGrainId().Key;
}
