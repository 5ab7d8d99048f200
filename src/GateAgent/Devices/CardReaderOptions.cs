namespace ParkingGrains.GateAgent.Devices;

/// <summary>Card reader settings (plain properties, so they bind from configuration).</summary>
public sealed record CardReaderOptions
{
    /// <summary>The same card read again within this window is one read; the window slides with every read, so a card
    /// left on the reader stays one read until it has been away for this long.</summary>
    public TimeSpan DebounceWindow { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Longer lines are dropped whole (and logged): a reader sends short ids, anything longer is noise.</summary>
    public int MaxLineLength { get; init; } = 128;

    /// <summary>TCP reader: the IP address to listen on (loopback: the reader's bridge runs on the agent's box).</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>TCP reader: the port (0 picks a free one; see <see cref="TcpCardReader.Port"/>).</summary>
    public int Port { get; init; } = 7300;

    /// <summary>TCP reader: connections served at once; more are closed at accept.</summary>
    public int MaxConnections { get; init; } = 4;
}
