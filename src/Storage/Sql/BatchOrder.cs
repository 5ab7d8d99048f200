namespace ParkingGrains.Storage.Sql;

/// <summary>Statement order for a batch applied in one transaction.</summary>
internal static class BatchOrder
{
    /// <summary>
    /// Indexes of <paramref name="writes"/> ordered by row, so concurrent batches lock rows in the same order and
    /// cannot deadlock. The sort is stable: two writes to one row keep their arrival order, and the second sees the
    /// first's version.
    /// </summary>
    public static int[] ByRow<TWrite>(IReadOnlyList<TWrite> writes)
        where TWrite : IBatchedWrite
    {
        var order = new int[writes.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        return writes.Count > 1 ? [.. order.OrderBy(i => writes[i], Comparer<TWrite>.Create(CompareByRow))] : order;
    }

    private static int CompareByRow<TWrite>(TWrite a, TWrite b)
        where TWrite : IBatchedWrite
    {
        var c = string.CompareOrdinal(a.GrainType, b.GrainType);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.GrainKey, b.GrainKey);
        return c != 0 ? c : string.CompareOrdinal(a.RowName, b.RowName);
    }
}
