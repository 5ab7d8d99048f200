using ParkingGrains.Grains.Allocation;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Domain.Layout;

namespace ParkingGrains.Grains.Tests.Allocation;

public sealed class SlotAllocationIndexTests
{
    private static readonly string[] Gates = ["A", "B"];

    [Fact]
    public void Best_fit_picks_the_slot_nearest_to_the_entering_gate()
    {
        var index = Index(AllocationStrategy.BestFitNearest, [], Car("c1", a: 30, b: 1), Car("c2", a: 5, b: 50), Car("c3", a: 10, b: 2));

        Assert.Equal("c2", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal("c3", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal("c1", index.TryAllocate(VehicleClass.Car, "B").SlotId);
    }

    [Fact]
    public void Nearest_per_gate_is_independent()
    {
        var index = Index(AllocationStrategy.BestFitNearest, [], Car("c1", a: 30, b: 1), Car("c2", a: 5, b: 50));

        Assert.Equal("c1", index.TryAllocate(VehicleClass.Car, "B").SlotId);
        Assert.Equal("c2", index.TryAllocate(VehicleClass.Car, "B").SlotId);
    }

    [Fact]
    public void Ties_are_broken_by_ordinal_slot_id_whatever_the_layout_order()
    {
        var index = Index(AllocationStrategy.BestFitNearest, [], Car("c9", 7, 7), Car("c10", 7, 7), Car("c1", 7, 7));

        var order = Enumerable.Range(0, 3).Select(_ => index.TryAllocate(VehicleClass.Car, "A").SlotId!).ToArray();

        Assert.Equal(["c1", "c10", "c9"], order);
    }

    [Fact]
    public void Exact_class_is_used_before_overflow_and_a_far_exact_slot_beats_a_near_larger_one()
    {
        var index = Index(AllocationStrategy.BestFitNearest, [new OverflowRule(VehicleClass.Motorcycle, VehicleClass.Car)],
            Car("c1", a: 1, b: 1), Slot("m1", VehicleClass.Motorcycle, a: 90, b: 90));

        var first = index.TryAllocate(VehicleClass.Motorcycle, "A");
        var second = index.TryAllocate(VehicleClass.Motorcycle, "A");

        Assert.Equal(("m1", VehicleClass.Motorcycle), (first.SlotId, first.SlotSize));
        Assert.Equal(("c1", VehicleClass.Car), (second.SlotId, second.SlotSize));
        Assert.Equal(AllocationFailure.Full, index.TryAllocate(VehicleClass.Motorcycle, "A").Failure);
    }

    [Fact]
    public void Overflow_happens_only_when_configured()
    {
        var index = Index(AllocationStrategy.BestFitNearest, [], Car("c1"), Slot("m1", VehicleClass.Motorcycle));
        Assert.True(index.TryAllocate(VehicleClass.Motorcycle, "A").Success);

        var result = index.TryAllocate(VehicleClass.Motorcycle, "A");

        Assert.False(result.Success);
        Assert.Equal(AllocationFailure.Full, result.Failure);
        Assert.True(index.IsFree("c1"));
    }

    [Fact]
    public void Overflow_rules_are_tried_in_order_and_are_not_transitive()
    {
        var index = Index(AllocationStrategy.BestFitNearest,
            [new OverflowRule(VehicleClass.Motorcycle, VehicleClass.Van), new OverflowRule(VehicleClass.Motorcycle, VehicleClass.Car), new OverflowRule(VehicleClass.Car, VehicleClass.Bus)],
            Car("c1", a: 1), Slot("v1", VehicleClass.Van, a: 50), Slot("b1", VehicleClass.Bus, a: 0));

        Assert.Equal("v1", index.TryAllocate(VehicleClass.Motorcycle, "A").SlotId);
        Assert.Equal("c1", index.TryAllocate(VehicleClass.Motorcycle, "A").SlotId);
        // Motorcycle -> Car -> Bus is not followed: only Car has a Bus rule.
        Assert.Equal(AllocationFailure.Full, index.TryAllocate(VehicleClass.Motorcycle, "A").Failure);
        Assert.Equal("b1", index.TryAllocate(VehicleClass.Car, "A").SlotId);
    }

    [Fact]
    public void Ev_and_accessible_needs_are_required_and_plain_requests_save_special_slots()
    {
        var index = Index(AllocationStrategy.BestFitNearest, [],
            Car("acc", a: 1, accessible: true), Car("ev", a: 2, ev: true), Car("both", a: 0, ev: true, accessible: true), Car("plain", a: 9));

        Assert.Equal("ev", index.TryAllocate(VehicleClass.Car, "A", needsEv: true).SlotId);
        Assert.Equal("plain", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal("acc", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal("both", index.TryAllocate(VehicleClass.Car, "A", needsEv: true).SlotId);
        Assert.Equal(AllocationFailure.Full, index.TryAllocate(VehicleClass.Car, "A", needsAccessible: true).Failure);
    }

    [Fact]
    public void Reasons_distinguish_unknown_gate_full_and_not_offered()
    {
        var index = Index(AllocationStrategy.BestFitNearest, [], Car("c1"));

        Assert.Equal(AllocationFailure.UnknownGate, index.TryAllocate(VehicleClass.Car, "Z").Failure);
        Assert.Equal(AllocationFailure.NotOffered, index.TryAllocate(VehicleClass.Bus, "A").Failure);
        Assert.Equal(AllocationFailure.NotOffered, index.TryAllocate(VehicleClass.Car, "A", needsEv: true).Failure);
        Assert.True(index.TryAllocate(VehicleClass.Car, "A").Success);
        var full = index.TryAllocate(VehicleClass.Car, "A");
        Assert.Equal((null, null, AllocationFailure.Full), (full.SlotId, full.SlotSize, full.Failure));
    }

    [Fact]
    public void Round_robin_rotates_through_the_class_in_layout_order()
    {
        var index = Index(AllocationStrategy.RoundRobin, [], Car("c3", a: 1), Car("c1", a: 2), Car("c2", a: 3));

        Assert.Equal("c3", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal("c1", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.True(index.Release("c3"));
        Assert.Equal("c2", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.True(index.Release("c1"));
        // Wraps round: c3 (free again) comes before c1.
        Assert.Equal("c3", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal("c1", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal(AllocationFailure.Full, index.TryAllocate(VehicleClass.Car, "A").Failure);
    }

    [Fact]
    public void Round_robin_keeps_a_cursor_per_class()
    {
        var index = Index(AllocationStrategy.RoundRobin, [], Car("c1"), Car("c2"), Slot("m1", VehicleClass.Motorcycle), Slot("m2", VehicleClass.Motorcycle));

        Assert.Equal("c1", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal("m1", index.TryAllocate(VehicleClass.Motorcycle, "A").SlotId);
        Assert.Equal("c2", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal("m2", index.TryAllocate(VehicleClass.Motorcycle, "A").SlotId);
    }

    [Fact]
    public void Release_makes_a_slot_available_again_and_counts_stay_exact()
    {
        var index = Index(AllocationStrategy.BestFitNearest, [], Car("c1", a: 1), Car("c2", a: 2), Slot("m1", VehicleClass.Motorcycle));
        Assert.Equal(2, index.FreeCount(VehicleClass.Car));

        Assert.Equal("c1", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal(1, index.FreeCount(VehicleClass.Car));
        Assert.False(index.IsFree("c1"));
        Assert.True(index.Release("c1"));
        Assert.False(index.Release("c1"));
        Assert.False(index.Release("nope"));

        Assert.Equal(2, index.FreeCount(VehicleClass.Car));
        Assert.Equal("c1", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal(new Dictionary<VehicleClass, int> { [VehicleClass.Motorcycle] = 1, [VehicleClass.Car] = 1, [VehicleClass.Van] = 0, [VehicleClass.Bus] = 0 }, index.FreeCounts());
        Assert.Equal((2, 3), (index.TotalFree, index.SlotCount));
        Assert.Equal(2, index.Capacity(VehicleClass.Car));
    }

    [Fact]
    public void Unavailable_slots_are_skipped_until_released()
    {
        var index = Index(AllocationStrategy.BestFitNearest, [], Car("c1", a: 1), Car("c2", a: 2));

        Assert.True(index.MarkUnavailable("c1"));
        Assert.False(index.MarkUnavailable("c1"));
        Assert.False(index.MarkUnavailable("nope"));
        Assert.Equal("c2", index.TryAllocate(VehicleClass.Car, "A").SlotId);
        Assert.Equal(AllocationFailure.Full, index.TryAllocate(VehicleClass.Car, "A").Failure);
        Assert.True(index.Release("c1"));
        Assert.Equal("c1", index.TryAllocate(VehicleClass.Car, "A").SlotId);
    }

    [Fact]
    public void Duplicate_slot_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Index(AllocationStrategy.BestFitNearest, [], Car("c1"), Car("c1")));
    }

    [Fact]
    public void Demo_lot_fills_exactly_to_capacity_nearest_first()
    {
        var lot = DemoLayouts.Saigon;
        var index = SlotAllocationIndex.FromLayout(lot);
        var gate = lot.Gates.Single(g => g.Direction == GateDirection.In).GateId;
        var cars = lot.Slots.Where(s => s.Size == VehicleClass.Car && !s.Ev && !s.Accessible).OrderBy(s => s.GateDistances[gate]).ThenBy(s => s.SlotId, StringComparer.Ordinal).ToList();

        var taken = cars.Select(_ => index.TryAllocate(VehicleClass.Car, gate).SlotId).ToList();

        Assert.Equal(cars.Select(s => s.SlotId), taken);
    }

    [Theory]
    [InlineData(AllocationStrategy.BestFitNearest, 20240601)]
    [InlineData(AllocationStrategy.RoundRobin, 7)]
    public void Randomised_operations_keep_every_invariant_and_are_deterministic(AllocationStrategy strategy, int seed)
    {
        var first = RunRandomised(strategy, seed);
        var second = RunRandomised(strategy, seed);

        Assert.Equal(first, second);
        Assert.True(first.Count(r => r is not null) > 1000);
    }

    /// <summary>Thousands of allocate/release/mark operations checked against a simple model; returns the decisions.</summary>
    private static List<string?> RunRandomised(AllocationStrategy strategy, int seed)
    {
        var random = new Random(seed);
        var classes = Enum.GetValues<VehicleClass>();
        var slots = Enumerable.Range(0, 1500).Select(i => new SlotDefinition(
            $"s{i:0000}", "F0", $"{i}", classes[random.Next(classes.Length)], random.Next(8) == 0, random.Next(12) == 0,
            new Dictionary<string, double> { ["A"] = random.Next(40), ["B"] = random.Next(40) })).ToList(); // few distinct distances: many ties
        var rules = new[] { new OverflowRule(VehicleClass.Motorcycle, VehicleClass.Car), new OverflowRule(VehicleClass.Car, VehicleClass.Van) };
        var index = new SlotAllocationIndex(slots, Gates, strategy, rules);
        var byId = slots.ToDictionary(s => s.SlotId);
        var taken = new HashSet<string>();
        var takenOrder = new List<string>(); // a list, not the set, so picking a victim is deterministic
        var decisions = new List<string?>();

        for (var step = 0; step < 20_000; step++)
        {
            var op = random.Next(10);
            if (op < 6)
            {
                var vehicle = classes[random.Next(classes.Length)];
                var gate = Gates[random.Next(2)];
                var ev = random.Next(10) == 0;
                var accessible = random.Next(15) == 0;
                var result = index.TryAllocate(vehicle, gate, ev, accessible);
                decisions.Add(result.SlotId);
                var targets = rules.Where(r => r.From == vehicle).Select(r => r.To).Prepend(vehicle).ToList();
                bool Fits(SlotDefinition s, VehicleClass size) => !taken.Contains(s.SlotId) && s.Size == size && (!ev || s.Ev) && (!accessible || s.Accessible);
                if (result.Success)
                {
                    var slot = byId[result.SlotId!];
                    Assert.True(Fits(slot, slot.Size) && targets.Contains(slot.Size), $"{slot.SlotId} does not fit or was handed out twice");
                    Assert.Equal(slot.Size, result.SlotSize);
                    // Exact class (then overflow targets in order) before anything else.
                    var firstClassWithRoom = targets.First(c => slots.Any(s => Fits(s, c)));
                    Assert.Equal(firstClassWithRoom, slot.Size);
                    // Fewest extra features first: the chosen group is the first one with room.
                    var needs = (ev ? 1 : 0) | (accessible ? 2 : 0);
                    var mask = Features(slot);
                    Assert.Equal(Enumerable.Range(0, 4).First(m => (m & needs) == needs && slots.Any(s => Fits(s, slot.Size) && Features(s) == m)), mask);
                    if (strategy == AllocationStrategy.BestFitNearest)
                    {
                        var best = slots.Where(s => Fits(s, slot.Size) && Features(s) == mask).Min(s => s.GateDistances[gate]);
                        Assert.Equal(best, slot.GateDistances[gate]);
                    }

                    taken.Add(slot.SlotId);
                    takenOrder.Add(slot.SlotId);
                }
                else
                {
                    // A failure is only allowed when no free slot would have fitted.
                    Assert.DoesNotContain(slots, s => targets.Any(c => Fits(s, c)));
                    Assert.NotNull(result.Failure);
                }
            }
            else if (op < 9 && takenOrder.Count > 0)
            {
                var at = random.Next(takenOrder.Count);
                var victim = takenOrder[at];
                takenOrder[at] = takenOrder[^1];
                takenOrder.RemoveAt(takenOrder.Count - 1);
                Assert.True(index.Release(victim));
                taken.Remove(victim);
            }
            else
            {
                var id = slots[random.Next(slots.Count)].SlotId;
                var wasFree = taken.Add(id);
                if (wasFree)
                {
                    takenOrder.Add(id);
                }

                Assert.Equal(wasFree, index.MarkUnavailable(id));
            }

            if (step % 500 == 0)
            {
                foreach (var c in classes)
                {
                    Assert.Equal(slots.Count(s => s.Size == c && !taken.Contains(s.SlotId)), index.FreeCount(c));
                }
            }
        }

        Assert.Equal(slots.Count - taken.Count, index.TotalFree);
        Assert.All(slots, s => Assert.Equal(!taken.Contains(s.SlotId), index.IsFree(s.SlotId)));
        return decisions;
    }

    private static int Features(SlotDefinition s) => (s.Ev ? 1 : 0) | (s.Accessible ? 2 : 0);

    private static SlotAllocationIndex Index(AllocationStrategy strategy, OverflowRule[] rules, params SlotDefinition[] slots) =>
        new(slots, Gates, strategy, rules);

    private static SlotDefinition Car(string id, double a = 10, double b = 10, bool ev = false, bool accessible = false) =>
        Slot(id, VehicleClass.Car, a, b, ev, accessible);

    private static SlotDefinition Slot(string id, VehicleClass size, double a = 10, double b = 10, bool ev = false, bool accessible = false) =>
        new(id, "F0", id, size, ev, accessible, new Dictionary<string, double> { ["A"] = a, ["B"] = b });
}
