using System.Net;
using System.Text.Json;
using ParkingGrains.Runtime.Membership;

namespace ParkingGrains.Runtime.Tests.Membership;

public sealed class MembershipEntrySerializerTests
{
    [Fact]
    public void Entries_round_trip_with_silo_addresses_and_statuses_as_strings()
    {
        var silo = new SiloAddress(new IPEndPoint(IPAddress.Parse("10.0.0.7"), 11111), 98765);
        var voter = new SiloAddress(new IPEndPoint(IPAddress.IPv6Loopback, 22222), 5);
        var entry = new MembershipEntry
        {
            SiloAddress = silo,
            Status = SiloStatus.ShuttingDown,
            GatewayPort = 30000,
            SiloName = "s1",
            HostName = "h1",
            StartTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(7)).AddTicks(1234567),
            IAmAliveTime = DateTimeOffset.UnixEpoch,
            SuspectTimes = [new SuspectVote(voter, DateTimeOffset.UnixEpoch.AddTicks(1))],
        };

        var json = MembershipEntrySerializer.Serialize(entry);
        var back = MembershipEntrySerializer.Deserialize(json);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("10.0.0.7:11111@98765", document.RootElement.GetProperty("siloAddress").GetString());
        Assert.Equal("ShuttingDown", document.RootElement.GetProperty("status").GetString());
        Assert.Equal("[::1]:22222@5", document.RootElement.GetProperty("suspectTimes")[0].GetProperty("voter").GetString());
        Assert.Equal(entry with { SuspectTimes = back.SuspectTimes }, back);
        Assert.Equal(entry.SuspectTimes, back.SuspectTimes);
        Assert.Equal(entry.StartTime.Offset, back.StartTime.Offset);
    }

    [Fact]
    public void A_malformed_silo_address_is_a_json_error()
    {
        Assert.Throws<JsonException>(() => MembershipEntrySerializer.Deserialize("""{"siloAddress":"nonsense","status":"Active"}"""));
    }
}
