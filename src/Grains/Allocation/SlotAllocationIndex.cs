using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Grains.Allocation;

/// <summary>
/// The free-slot index of one lot. Pure and single-threaded: the lot grain's turn model serialises access, so
/// there are no locks. Every slot starts free; the grain marks held, reserved, occupied or out-of-service slots
/// with <see cref="MarkUnavailable"/> after activation.
/// </summary>
/// <remarks>
/// Slots are grouped into buckets by (size class, EV, accessible). A request tries, in order: the vehicle's own
/// class, then each overflow target in rule order. Within a class it needs every requested feature and prefers
/// the bucket with the fewest extra features (plain, then EV, then accessible, then both), so chargers and
/// accessible bays stay available for those who need them. Within a bucket, best fit takes the slot nearest to
/// the entering gate (ties by ordinal slot id) and round-robin takes the next free slot in layout order after the
/// last one it gave out. Each bucket keeps one <see cref="FreeRankSet"/> per gate (ranks by distance) and one in
/// layout order, so allocation is O(buckets tried × log n) and taking/releasing a slot is O(gates × log n).
/// </remarks>
public sealed class SlotAllocationIndex
{
    private const int Ev = 1;
    private const int Accessible = 2;
    private const int FeatureCombinations = 4;

    private static readonly int ClassCount = Enum.GetValues<VehicleClass>().Max(c => (int)c) + 1;

    private readonly SlotDefinition[] _slots;
    private readonly Dictionary<string, int> _slotIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _gateIndex = new(StringComparer.Ordinal);
    private readonly Bucket[] _buckets;
    private readonly int[] _bucketOf;
    private readonly int[] _positionInBucket;
    private readonly int[] _freeByClass;
    private readonly int[] _capacityByClass;
    private readonly IReadOnlyList<OverflowRule> _overflow;

    public SlotAllocationIndex(
        IEnumerable<SlotDefinition> slots,
        IEnumerable<string> gateIds,
        AllocationStrategy strategy,
        IEnumerable<OverflowRule>? overflowRules = null)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(gateIds);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown allocation strategy.");
        }

        Strategy = strategy;
        _overflow = overflowRules?.ToArray() ?? [];
        _slots = slots.ToArray();
        foreach (var gateId in gateIds)
        {
            _gateIndex.TryAdd(gateId, _gateIndex.Count);
        }

        var gates = _gateIndex.OrderBy(g => g.Value).Select(g => g.Key).ToArray();
        _bucketOf = new int[_slots.Length];
        _positionInBucket = new int[_slots.Length];
        _freeByClass = new int[ClassCount];
        _capacityByClass = new int[ClassCount];

        var members = Enumerable.Range(0, ClassCount * FeatureCombinations).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < _slots.Length; i++)
        {
            var slot = _slots[i];
            if (!Enum.IsDefined(slot.Size))
            {
                throw new ArgumentException($"Slot '{slot.SlotId}' has unknown size {slot.Size}; validate the layout first.", nameof(slots));
            }

            if (!_slotIndex.TryAdd(slot.SlotId, i))
            {
                throw new ArgumentException($"Slot id '{slot.SlotId}' is used more than once; validate the layout first.", nameof(slots));
            }

            var bucket = BucketIndex(slot.Size, (slot.Ev ? Ev : 0) | (slot.Accessible ? Accessible : 0));
            _bucketOf[i] = bucket;
            _positionInBucket[i] = members[bucket].Count;
            members[bucket].Add(i);
            _freeByClass[(int)slot.Size]++;
            _capacityByClass[(int)slot.Size]++;
        }

        _buckets = members.Select(m => new Bucket(m.ToArray(), _slots, gates)).ToArray();
    }

    /// <summary>Builds the index for a (validated) layout with its strategy and overflow rules.</summary>
    public static SlotAllocationIndex FromLayout(LotLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new SlotAllocationIndex(
            layout.Slots,
            layout.Gates.Select(g => g.GateId),
            layout.Settings.AllocationStrategy,
            layout.Settings.OverflowRules);
    }

    public AllocationStrategy Strategy { get; }

    public int SlotCount => _slots.Length;

    public int TotalFree => _freeByClass.Sum();

    public bool Contains(string slotId) => _slotIndex.ContainsKey(slotId);

    public bool IsFree(string slotId) =>
        _slotIndex.TryGetValue(slotId, out var i) && _buckets[_bucketOf[i]].Layout.IsFree(_positionInBucket[i]);

    /// <summary>Free slots whose size class is <paramref name="size"/>.</summary>
    public int FreeCount(VehicleClass size) => IsKnown(size) ? _freeByClass[(int)size] : 0;

    /// <summary>All slots whose size class is <paramref name="size"/>, free or not.</summary>
    public int Capacity(VehicleClass size) => IsKnown(size) ? _capacityByClass[(int)size] : 0;

    /// <summary>A snapshot of free slots per size class (every class present, zero included).</summary>
    public VehicleClassCounts FreeCounts() => VehicleClassCounts.From(_freeByClass);

    /// <summary>The layout's definition of a slot, found in O(1).</summary>
    public bool TryGetDefinition(string slotId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SlotDefinition? definition)
    {
        definition = _slotIndex.TryGetValue(slotId, out var i) ? _slots[i] : null;
        return definition is not null;
    }

    /// <summary>
    /// Picks and takes a free slot for a vehicle entering at <paramref name="gateId"/>; the slot stays taken
    /// until <see cref="Release"/>. EV/accessible needs are hard requirements.
    /// </summary>
    public AllocationResult TryAllocate(VehicleClass vehicleClass, string gateId, bool needsEv = false, bool needsAccessible = false)
    {
        ArgumentNullException.ThrowIfNull(gateId);
        if (!_gateIndex.TryGetValue(gateId, out var gate))
        {
            return AllocationResult.Failed(AllocationFailure.UnknownGate);
        }

        if (!IsKnown(vehicleClass))
        {
            return AllocationResult.Failed(AllocationFailure.NotOffered);
        }

        var needs = (needsEv ? Ev : 0) | (needsAccessible ? Accessible : 0);
        var offered = false;
        var chosen = TryClass(vehicleClass, needs, gate, ref offered);
        foreach (var rule in _overflow)
        {
            if (chosen >= 0)
            {
                break;
            }

            if (rule.From == vehicleClass && IsKnown(rule.To))
            {
                chosen = TryClass(rule.To, needs, gate, ref offered);
            }
        }

        if (chosen < 0)
        {
            return AllocationResult.Failed(offered ? AllocationFailure.Full : AllocationFailure.NotOffered);
        }

        Take(chosen);
        return AllocationResult.Allocated(_slots[chosen].SlotId, _slots[chosen].Size);
    }

    /// <summary>Makes a slot free again; false when the slot is unknown or already free.</summary>
    public bool Release(string slotId)
    {
        ArgumentNullException.ThrowIfNull(slotId);
        return _slotIndex.TryGetValue(slotId, out var i) && SetFree(i, free: true);
    }

    /// <summary>Takes a slot out of the free set (held, reserved, occupied, out of service); false when unknown or not free.</summary>
    public bool MarkUnavailable(string slotId)
    {
        ArgumentNullException.ThrowIfNull(slotId);
        return _slotIndex.TryGetValue(slotId, out var i) && SetFree(i, free: false);
    }

    private static bool IsKnown(VehicleClass size) => (int)size >= 0 && (int)size < ClassCount;

    private static int BucketIndex(VehicleClass size, int features) => ((int)size * FeatureCombinations) + features;

    /// <summary>The slot index chosen within one size class, or -1; sets <paramref name="offered"/> when any slot fits.</summary>
    private int TryClass(VehicleClass size, int needs, int gate, ref bool offered)
    {
        // Feature masks that include every need, fewest extra features first (0,1,2,3 order does exactly that).
        for (var features = 0; features < FeatureCombinations; features++)
        {
            if ((features & needs) != needs)
            {
                continue;
            }

            var bucket = _buckets[BucketIndex(size, features)];
            if (bucket.Slots.Length == 0)
            {
                continue;
            }

            offered = true;
            var position = Strategy == AllocationStrategy.RoundRobin ? bucket.NextRoundRobin() : bucket.Nearest(gate);
            if (position >= 0)
            {
                return bucket.Slots[position];
            }
        }

        return -1;
    }

    private void Take(int slot) => SetFree(slot, free: false);

    private bool SetFree(int slot, bool free)
    {
        var bucket = _buckets[_bucketOf[slot]];
        if (!bucket.SetFree(_positionInBucket[slot], free))
        {
            return false;
        }

        _freeByClass[(int)_slots[slot].Size] += free ? 1 : -1;
        return true;
    }

    /// <summary>Slots of one (size, features) group with their orderings.</summary>
    private sealed class Bucket
    {
        private readonly int[][] _byGateOrder;    // gate → rank → position in bucket
        private readonly int[][] _byGateRank;     // gate → position in bucket → rank
        private readonly FreeRankSet[] _byGate;
        private int _lastRoundRobin = -1;

        public Bucket(int[] slots, SlotDefinition[] all, string[] gates)
        {
            Slots = slots;
            Layout = new FreeRankSet(slots.Length);
            _byGateOrder = new int[gates.Length][];
            _byGateRank = new int[gates.Length][];
            _byGate = new FreeRankSet[gates.Length];
            for (var g = 0; g < gates.Length; g++)
            {
                var gateId = gates[g];
                double Distance(int position) =>
                    all[slots[position]].GateDistances is { } d && d.TryGetValue(gateId, out var m) && double.IsFinite(m) ? m : double.PositiveInfinity;

                var order = Enumerable.Range(0, slots.Length)
                    .OrderBy(Distance)
                    .ThenBy(p => all[slots[p]].SlotId, StringComparer.Ordinal)
                    .ToArray();
                var rank = new int[slots.Length];
                for (var r = 0; r < order.Length; r++)
                {
                    rank[order[r]] = r;
                }

                _byGateOrder[g] = order;
                _byGateRank[g] = rank;
                _byGate[g] = new FreeRankSet(slots.Length);
            }
        }

        /// <summary>Global slot indexes, in layout order.</summary>
        public int[] Slots { get; }

        /// <summary>Free flags by position in layout order; also the round-robin order.</summary>
        public FreeRankSet Layout { get; }

        public int Nearest(int gate)
        {
            var rank = _byGate[gate].FirstFreeAtOrAfter(0);
            return rank < 0 ? -1 : _byGateOrder[gate][rank];
        }

        public int NextRoundRobin()
        {
            var position = Layout.FirstFreeAtOrAfter(_lastRoundRobin + 1);
            if (position < 0)
            {
                position = Layout.FirstFreeAtOrAfter(0);
            }

            if (position >= 0)
            {
                _lastRoundRobin = position;
            }

            return position;
        }

        public bool SetFree(int position, bool free)
        {
            if (!Layout.Set(position, free))
            {
                return false;
            }

            for (var g = 0; g < _byGate.Length; g++)
            {
                _byGate[g].Set(_byGateRank[g][position], free);
            }

            return true;
        }
    }
}
