using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// Lines from a byte stream without ever holding more than the limit: a line longer than <c>maxLength</c> bytes is
/// reported as too long (null) and skipped up to its newline. <c>\n</c> or <c>\r\n</c> end a line; a last line without
/// one counts when the stream ends. Bytes are read as UTF-8 (invalid bytes become U+FFFD and fail validation).
/// </summary>
internal static class BoundedLineReader
{
    public static async IAsyncEnumerable<string?> ReadLinesAsync(Stream stream, int maxLength, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var line = new byte[maxLength + 1]; // + a carriage return
        var length = 0;
        var tooLong = false;
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    if (tooLong)
                    {
                        yield return null;
                    }
                    else if (length > 0)
                    {
                        yield return Decode(line, length, maxLength);
                    }

                    yield break;
                }

                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    if (b == (byte)'\n')
                    {
                        yield return tooLong ? null : Decode(line, length, maxLength);
                        length = 0;
                        tooLong = false;
                    }
                    else if (!tooLong)
                    {
                        if (length == line.Length)
                        {
                            tooLong = true;
                        }
                        else
                        {
                            line[length++] = b;
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? Decode(byte[] line, int length, int maxLength)
    {
        if (length > 0 && line[length - 1] == (byte)'\r')
        {
            length--;
        }

        return length > maxLength ? null : Encoding.UTF8.GetString(line, 0, length);
    }
}
