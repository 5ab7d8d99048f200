using System.Text;
using Microsoft.Extensions.Time.Testing;
using ParkingGrains.GateAgent.Devices;

namespace ParkingGrains.GateAgent.Tests.Devices;

public sealed class StreamCardReaderTests
{
    [Fact]
    public async Task Reads_valid_debounced_lines_until_the_input_ends()
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes("C1\nC1\nbad id\nC2\r\nC3"));
        await using var reader = new StreamCardReader(input, "stdin", new CardReaderOptions(), new FakeTimeProvider(), new ListLogger<StreamCardReader>());
        await reader.StartAsync();

        var ids = new List<string>();
        using var timeout = new CancellationTokenSource(Wait.Deadline);
        await foreach (var read in reader.Reads.ReadAllAsync(timeout.Token))
        {
            ids.Add(read.CardId);
            Assert.Equal("stdin", read.Source);
        }

        Assert.Equal(["C1", "C2", "C3"], ids);
    }
}
