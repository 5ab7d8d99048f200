using System.Buffers.Binary;
using System.Text;

namespace ParkingGrains.Runtime.Messaging;

/// <summary>Reads one frame's fields; every length is checked against what is left, so garbage cannot over-read or over-allocate.</summary>
internal ref struct FrameReader(ReadOnlySpan<byte> frame)
{
    private readonly ReadOnlySpan<byte> _frame = frame;
    private int _position;

    public readonly ReadOnlySpan<byte> Remaining => _frame[_position..];

    public byte ReadByte()
    {
        Require(1);
        return _frame[_position++];
    }

    public short ReadInt16()
    {
        Require(2);
        var value = BinaryPrimitives.ReadInt16LittleEndian(_frame[_position..]);
        _position += 2;
        return value;
    }

    public int ReadInt32()
    {
        Require(4);
        var value = BinaryPrimitives.ReadInt32LittleEndian(_frame[_position..]);
        _position += 4;
        return value;
    }

    public long ReadInt64()
    {
        Require(8);
        var value = BinaryPrimitives.ReadInt64LittleEndian(_frame[_position..]);
        _position += 8;
        return value;
    }

    public string? ReadString()
    {
        var length = ReadInt32();
        if (length == -1)
        {
            return null;
        }

        if (length < 0)
        {
            throw new ProtocolException($"Negative string length {length}.");
        }

        Require(length);
        var value = Encoding.UTF8.GetString(_frame.Slice(_position, length));
        _position += length;
        return value;
    }

    public string ReadRequiredString() => ReadString() ?? throw new ProtocolException("Missing required string.");

    public ReadOnlySpan<byte> ReadSpan(int length)
    {
        Require(length);
        var span = _frame.Slice(_position, length);
        _position += length;
        return span;
    }

    private readonly void Require(int count)
    {
        if (count < 0 || _frame.Length - _position < count)
        {
            throw new ProtocolException($"Frame truncated: needed {count} more bytes at offset {_position} of {_frame.Length}.");
        }
    }
}
