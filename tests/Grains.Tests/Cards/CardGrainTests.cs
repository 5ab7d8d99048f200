using ParkingGrains.Grains.Interfaces.Cards;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Tests.Infrastructure;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.Cards;

/// <summary>Card administration: create once, update against a version, block, delete, and the directory listing.</summary>
[Collection(DomainCollection.Name)]
public sealed class CardGrainTests(DomainClusterFixture fixture)
{
    [Fact]
    public async Task Create_ListsTheCard_ASecondCreateIsRefused_AndAnInvalidCardListsEveryProblem()
    {
        var created = await Card("k1").Create(Visitor("k1"));
        Assert.Equal(CardChangeStatus.Applied, created.Status);
        Assert.Equal(1, created.Version);
        Assert.Equal(CardChangeStatus.Exists, (await Card("k1").Create(Visitor("k1") with { HolderName = "Other" })).Status);
        Assert.Equal("Holder k1", (await Card("k1").Get())!.HolderName);
        Assert.Contains(await Directory().List(null), c => c.Definition.CardId == "k1" && c.Version == 1);

        var invalid = await Card("k2").Create(Visitor("k2") with { Kind = CardKind.Subscriber, Quota = 0, HolderName = " ", ValidTo = T0.AddDays(-5) });
        Assert.Equal(CardChangeStatus.Invalid, invalid.Status);
        Assert.Equal(3, invalid.Problems.Count);
        Assert.Contains(invalid.Problems, p => p.StartsWith("Quota:", StringComparison.Ordinal));
        Assert.Contains(invalid.Problems, p => p.StartsWith("HolderName:", StringComparison.Ordinal));
        Assert.Contains(invalid.Problems, p => p.StartsWith("ValidTo:", StringComparison.Ordinal));
        Assert.Null(await Card("k2").Get());

        var wrongId = await Card("k3").Create(Visitor("other"));
        Assert.Equal(CardChangeStatus.Invalid, wrongId.Status);
    }

    [Fact]
    public async Task Update_AppliesOnlyAtTheExpectedVersion()
    {
        var version = (await Card("u1").Create(Visitor("u1"))).Version;

        var updated = await Card("u1").Update(Visitor("u1") with { Kind = CardKind.Subscriber, Quota = 2 }, version);
        Assert.Equal(CardChangeStatus.Applied, updated.Status);
        Assert.Equal(version + 1, updated.Version);

        var stale = await Card("u1").Update(Visitor("u1") with { HolderName = "Late" }, version);
        Assert.Equal(CardChangeStatus.VersionChanged, stale.Status);
        Assert.Equal((CardKind.Subscriber, 2, "Holder u1"), ((await Card("u1").Get())!.Kind, (await Card("u1").Get())!.Quota, (await Card("u1").Get())!.HolderName));
        Assert.Equal(CardChangeStatus.NotFound, (await Card("u-missing").Update(Visitor("u-missing"), 0)).Status);
    }

    [Fact]
    public async Task BlockAndUnblock_ChangeWhatTheLotIsTold_AndTheListing()
    {
        await Card("b1").Create(Visitor("b1"));

        Assert.Equal(CardChangeStatus.Invalid, (await Card("b1").Block("  ")).Status);
        var blocked = await Card("b1").Block("lost");
        Assert.True(blocked.Applied);
        var authorization = await Card("b1").Authorize("any-lot", T0);
        Assert.Equal((false, DenialReason.CardBlocked), (authorization.Valid, authorization.Reason));
        Assert.Contains(await Directory().List(null), c => c.Definition.CardId == "b1" && c.Definition.Blocked && c.Definition.BlockReason == "lost");

        Assert.True((await Card("b1").Unblock()).Applied);
        Assert.True((await Card("b1").Authorize("any-lot", T0)).Valid);
        Assert.Equal(CardChangeStatus.NotFound, (await Card("b-missing").Block("lost")).Status);
    }

    [Fact]
    public async Task Delete_AtTheExpectedVersion_RemovesTheCardAndItsListing_AndARecreatedCardKeepsCounting()
    {
        var version = (await Card("d1").Create(Visitor("d1"))).Version;
        Assert.Equal(CardChangeStatus.VersionChanged, (await Card("d1").Delete(version + 7)).Status);

        var deleted = await Card("d1").Delete(version);

        Assert.True(deleted.Applied);
        Assert.Null(await Card("d1").GetRecord());
        Assert.DoesNotContain(await Directory().List(null), c => c.Definition.CardId == "d1");
        Assert.Equal(DenialReason.CardUnknown, (await Card("d1").Authorize("any-lot", T0)).Reason);
        Assert.Equal(CardChangeStatus.NotFound, (await Card("d1").Delete(deleted.Version)).Status);

        var recreated = await Card("d1").Create(Visitor("d1"));
        Assert.Equal(deleted.Version + 1, recreated.Version);
    }

    [Fact]
    public async Task TheDirectoryListsCardsPerLot_CardsWithoutLotsEverywhere()
    {
        await Card("p-any").Create(Visitor("p-any"));
        await Card("p-north").Create(Visitor("p-north") with { LotIds = ["north"] });
        await Card("p-south").Create(Visitor("p-south") with { LotIds = ["south", "east"] });

        // The directory is one per cluster and other tests list cards too: only this test's "p-" cards are looked at.
        var north = (await Directory().List("north")).Select(c => c.Definition.CardId).Where(id => id.StartsWith("p-", StringComparison.Ordinal)).ToList();
        var all = (await Directory().List(null)).Select(c => c.Definition.CardId).Where(id => id.StartsWith("p-", StringComparison.Ordinal)).ToList();

        Assert.Equal(["p-any", "p-north"], north);
        Assert.Equal(["p-any", "p-north", "p-south"], all);
    }

    [Fact]
    public async Task TheDirectoryIgnoresAnOlderVersionThanItLists()
    {
        var newer = new CardRecord(Visitor("v1") with { HolderName = "Newer" }, 5);
        await Directory().Register(newer);
        await Directory().Register(new CardRecord(Visitor("v1") with { HolderName = "Older" }, 4));
        await Directory().Unregister("v1", 3);

        Assert.Equal("Newer", Assert.Single(await Directory().List(null), c => c.Definition.CardId == "v1").Definition.HolderName);
    }

    private ICardGrain Card(string id) => fixture.Grains.GetGrain<ICardGrain>(id);

    private ICardDirectoryGrain Directory() => fixture.Grains.GetGrain<ICardDirectoryGrain>(ICardDirectoryGrain.Key);

    private static CardDefinition Visitor(string id) => new(id, CardKind.Visitor, $"Holder {id}", ["AB-123"], [], T0.AddDays(-1), T0.AddDays(30), 0);
}
