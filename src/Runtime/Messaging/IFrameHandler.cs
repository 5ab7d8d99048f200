namespace ParkingGrains.Runtime.Messaging;

/// <summary>What a connection hands its frames to: the silo's or the client's message center.</summary>
internal interface IFrameHandler
{
    /// <summary>Handles one frame; throw <see cref="ProtocolException"/> to close the connection.</summary>
    void OnFrame(Connection connection, FrameKind kind, ReadOnlySpan<byte> payload);

    void OnClosed(Connection connection);
}
