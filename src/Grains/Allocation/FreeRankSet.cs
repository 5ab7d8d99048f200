namespace ParkingGrains.Grains.Allocation;

/// <summary>
/// A fixed set of positions 0..n-1, each free or not, answering "first free position at or after k" in
/// O(log n): a segment tree of free counts. Positions are ranks in a precomputed order (by distance, or
/// layout order), so the first free rank is the best free slot.
/// </summary>
internal sealed class FreeRankSet
{
    private readonly int _n;
    private readonly int _leaves;
    private readonly int[] _count;

    public FreeRankSet(int n)
    {
        _n = n;
        _leaves = 1;
        while (_leaves < n)
        {
            _leaves <<= 1;
        }

        _count = new int[2 * _leaves];
        for (var i = 0; i < n; i++)
        {
            _count[_leaves + i] = 1;
        }

        for (var node = _leaves - 1; node >= 1; node--)
        {
            _count[node] = _count[2 * node] + _count[(2 * node) + 1];
        }
    }

    public int FreeCount => _count[1];

    public bool IsFree(int position) => _count[_leaves + position] == 1;

    /// <summary>Marks a position free or taken; false when it already was.</summary>
    public bool Set(int position, bool free)
    {
        var node = _leaves + position;
        var value = free ? 1 : 0;
        if (_count[node] == value)
        {
            return false;
        }

        var delta = value - _count[node];
        for (; node >= 1; node >>= 1)
        {
            _count[node] += delta;
        }

        return true;
    }

    /// <summary>The smallest free position ≥ <paramref name="from"/>, or -1.</summary>
    public int FirstFreeAtOrAfter(int from)
    {
        if (from < 0)
        {
            from = 0;
        }

        if (from >= _n)
        {
            return -1;
        }

        var node = _leaves + from;
        if (_count[node] > 0)
        {
            return from;
        }

        // Climb until a right sibling (covering positions after 'from') has a free position, then descend.
        while (node > 1)
        {
            if ((node & 1) == 0 && _count[node + 1] > 0)
            {
                node++;
                while (node < _leaves)
                {
                    node = _count[2 * node] > 0 ? 2 * node : (2 * node) + 1;
                }

                return node - _leaves;
            }

            node >>= 1;
        }

        return -1;
    }
}
