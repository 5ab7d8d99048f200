using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// A printer that writes each receipt into a folder (<c>receipt-{exit, UTC}-{plate}.png|pdf</c>, never overwriting one)
/// and keeps the last. Files are written under a temporary name and renamed, so a reader never sees half a receipt.
/// </summary>
public sealed class SimulatedReceiptPrinter(SimulatedReceiptPrinterOptions options, TimeProvider time, ILogger<SimulatedReceiptPrinter> logger) : IReceiptPrinter
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile PrintedReceipt? _last;

    public PrintedReceipt? Last => _last;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.Folder);
        return Task.CompletedTask;
    }

    public async Task<PrintedReceipt> PrintAsync(Receipt receipt, CancellationToken cancellationToken = default)
    {
        var rendered = ReceiptRenderer.Render(receipt, options.Format);
        if (rendered.QrProblem is not null)
        {
            logger.LogWarning("Receipt for {Plate}: {Due} due but no VietQR code: {Problem}", receipt.Plate, receipt.Due, rendered.QrProblem);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(options.Folder);
            var path = FreeName(receipt);
            var temporary = path + ".tmp";
            await File.WriteAllBytesAsync(temporary, rendered.Content, cancellationToken);
            File.Move(temporary, path);
            var printed = new PrintedReceipt(path, rendered, time.GetUtcNow());
            _last = printed;
            logger.LogInformation("Receipt for {Plate} printed to {Path} ({Bytes} bytes)", receipt.Plate, path, rendered.Content.Length);
            return printed;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private string FreeName(Receipt receipt)
    {
        var plate = new string(receipt.Plate.Where(char.IsAsciiLetterOrDigit).Take(16).ToArray());
        var stem = $"receipt-{receipt.ExitTime.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{(plate.Length > 0 ? plate : "unknown")}";
        var extension = options.Format == ReceiptFormat.Pdf ? ".pdf" : ".png";
        var path = Path.Combine(options.Folder, stem + extension);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(options.Folder, $"{stem}-{n}{extension}");
        }

        return path;
    }
}
