using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace ParkingGrains.Runtime.Messaging;

/// <summary>Builds one frame in a per-thread scratch buffer, then copies it into a pooled array of exact size.</summary>
internal sealed class FrameWriter
{
    [ThreadStatic]
    private static FrameWriter? t_instance;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;

    private FrameWriter()
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    public Utf8JsonWriter Json
    {
        get
        {
            _json.Reset(_buffer);
            return _json;
        }
    }

    public static FrameWriter Start(FrameKind kind)
    {
        var writer = t_instance ??= new FrameWriter();
        writer._buffer.ResetWrittenCount();
        writer.WriteByte((byte)kind);
        return writer;
    }

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16LittleEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        WriteInt32(length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public OutboundFrame Complete(int maxMessageSize)
    {
        _json.Flush();
        var length = _buffer.WrittenCount;
        if (length > maxMessageSize)
        {
            throw new InvalidOperationException($"Message of {length} bytes exceeds the maximum message size of {maxMessageSize} bytes.");
        }

        var array = ArrayPool<byte>.Shared.Rent(length + 4);
        BinaryPrimitives.WriteInt32LittleEndian(array, length);
        _buffer.WrittenSpan.CopyTo(array.AsSpan(4));
        return new OutboundFrame(array, length + 4);
    }
}
