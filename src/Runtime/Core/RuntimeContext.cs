namespace ParkingGrains.Runtime.Core;

/// <summary>The call chain of the turn that is running, flowing into every call the grain makes from it.</summary>
internal static class RuntimeContext
{
    private static readonly AsyncLocal<CallChainEntry[]?> s_callChain = new();

    public static CallChainEntry[]? CallChain
    {
        get => s_callChain.Value;
        set => s_callChain.Value = value;
    }
}
