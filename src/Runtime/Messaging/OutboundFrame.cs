using System.Buffers;

namespace ParkingGrains.Runtime.Messaging;

/// <summary>An encoded frame (length prefix included) in a pooled buffer, returned to the pool once written.</summary>
internal readonly record struct OutboundFrame(byte[] Buffer, int Length)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
