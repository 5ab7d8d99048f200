using Microsoft.Extensions.Time.Testing;
using ParkingGrains.GateAgent.Devices;

namespace ParkingGrains.GateAgent.Tests.Devices;

public sealed class SimulatedReceiptPrinterTests
{
    [Theory]
    [InlineData(ReceiptFormat.Png, ".png")]
    [InlineData(ReceiptFormat.Pdf, ".pdf")]
    public async Task Writes_each_receipt_to_its_own_file_and_keeps_the_last(ReceiptFormat format, string extension)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gate-receipts-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var printer = new SimulatedReceiptPrinter(new SimulatedReceiptPrinterOptions(folder, format), new FakeTimeProvider(), new ListLogger<SimulatedReceiptPrinter>());
            await printer.StartAsync();
            var receipt = new Receipt("Berlin", "B-AB 1234", DateTimeOffset.UnixEpoch.AddHours(1), DateTimeOffset.UnixEpoch.AddHours(3),
                "Europe/Berlin", "EUR", [new ReceiptLine("2 h", 4m)], 4m, 0m);

            var first = await printer.PrintAsync(receipt);
            var second = await printer.PrintAsync(receipt);

            Assert.NotEqual(first.Location, second.Location);
            Assert.Same(second, printer.Last);
            Assert.Equal(extension, Path.GetExtension(second.Location));
            Assert.StartsWith("receipt-19700101-030000-BAB1234", Path.GetFileName(first.Location), StringComparison.Ordinal);
            Assert.Equal(second.Rendered.Content, await File.ReadAllBytesAsync(second.Location));
            Assert.Equal(2, Directory.GetFiles(folder).Length); // no temporary file left behind
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
