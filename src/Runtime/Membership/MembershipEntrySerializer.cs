using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// The one JSON form of membership entries shared by every provider, so a row written by one silo version (or read
/// by a person with redis-cli/psql) means the same everywhere: camelCase, enum names, silo addresses as strings.
/// </summary>
public static class MembershipEntrySerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return JsonSerializer.Serialize(entry, Options);
    }

    public static MembershipEntry Deserialize(string json) =>
        JsonSerializer.Deserialize<MembershipEntry>(json, Options)
        ?? throw new JsonException("A membership entry cannot be null.");

    public static string SerializeVotes(IReadOnlyList<SuspectVote> votes) => JsonSerializer.Serialize(votes, Options);

    public static IReadOnlyList<SuspectVote> DeserializeVotes(string json) =>
        JsonSerializer.Deserialize<SuspectVote[]>(json, Options) ?? [];

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new SiloAddressJsonConverter(), new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
