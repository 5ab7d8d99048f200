using System.Diagnostics;
using System.Globalization;
using ParkingGrains.PlateRecognition;

namespace ParkingGrains.GateAgent.Plates;

/// <summary>
/// <c>read-plate FILE...</c>: one tab-separated line per image — path, plate (upper case, no separators; empty when
/// unreadable), confidence 0–1 with two decimals, milliseconds. A file that cannot be read (missing, empty, corrupt,
/// too large) gets the same columns with an empty plate, 0.00 and a fifth column <c>error: …</c>. The exit code is 0
/// whatever the images held (2 only for no arguments, 1 when the models are missing), so scripts can read every line.
/// </summary>
public static class ReadPlateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, PlateReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0)
        {
            await error.WriteLineAsync("usage: read-plate FILE...");
            return 2;
        }

        OnnxPlateReader reader;
        try
        {
            reader = new OnnxPlateReader(options);
        }
        catch (FileNotFoundException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }

        using (reader)
        {
            foreach (var path in args)
            {
                await output.WriteLineAsync(await ReadOneAsync(reader, path));
            }
        }

        return 0;
    }

    private static async Task<string> ReadOneAsync(OnnxPlateReader reader, string path)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var info = new FileInfo(path);
            // A huge file is refused by its size, before it is loaded into memory.
            if (info.Exists && info.Length > reader.Options.MaxImageBytes)
            {
                throw new PlateImageException(PlateImageProblem.TooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"The image has {info.Length:N0} bytes; at most {reader.Options.MaxImageBytes:N0} are read."));
            }

            var bytes = await File.ReadAllBytesAsync(path);
            var read = await reader.ReadAsync(bytes);
            return Line(path, read.Text, read.Confidence, clock.Elapsed, null);
        }
        catch (Exception ex) when (ex is PlateImageException or IOException or UnauthorizedAccessException)
        {
            var message = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message;
            return Line(path, string.Empty, 0, clock.Elapsed, message);
        }
    }

    private static string Line(string path, string plate, double confidence, TimeSpan elapsed, string? error)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{path}\t{plate}\t{confidence:0.00}\t{elapsed.TotalMilliseconds:0}");
        // The message is one line so the output stays one line per image.
        return error is null ? line : $"{line}\terror: {error.ReplaceLineEndings(" ")}";
    }
}
