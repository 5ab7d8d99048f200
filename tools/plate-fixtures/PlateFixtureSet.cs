using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ParkingGrains.PlateFixtures;

/// <summary>
/// The generated plate images of tools/plate-fixtures/make-fixtures.sh, shared by the OCR tests and ./bench.sh plates.
/// Generated once into artifacts/plate-fixtures/ under a key of the script's content and the arguments, so a
/// changed script or count renders a new set; a set is moved into place only when complete.
/// </summary>
public sealed class PlateFixtureSet
{
    private PlateFixtureSet(string directory, IReadOnlyList<PlateFixture> fixtures) => (Directory, Fixtures) = (directory, fixtures);

    public string Directory { get; }

    public IReadOnlyList<PlateFixture> Fixtures { get; }

    public IEnumerable<PlateFixture> Crops => Fixtures.Where(f => f.Kind == PlateFixtureKind.Crop);

    public IEnumerable<PlateFixture> Scenes => Fixtures.Where(f => f.Kind == PlateFixtureKind.Scene);

    public IEnumerable<PlateFixture> Errors => Fixtures.Where(f => f.Kind == PlateFixtureKind.Error);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParkingGrains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ParkingGrains.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>The set of <paramref name="crops"/> crops and <paramref name="scenes"/> scenes, rendered now if not cached.</summary>
    public static PlateFixtureSet Get(int crops, int scenes, int seed = 10)
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "tools", "plate-fixtures", "make-fixtures.sh");
        var key = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(script)))[..12].ToLowerInvariant();
        var directory = Path.Combine(root, "artifacts", "plate-fixtures", string.Create(CultureInfo.InvariantCulture, $"{key}-{crops}-{scenes}-{seed}"));
        if (!File.Exists(Path.Combine(directory, "manifest.tsv")))
        {
            Generate(script, directory, crops, scenes, seed);
        }

        return new PlateFixtureSet(directory, Load(directory));
    }

    private static void Generate(string script, string directory, int crops, int scenes, int seed)
    {
        var convert = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(p => Path.Combine(p, "convert")).FirstOrDefault(File.Exists);
        if (convert is null)
        {
            throw new InvalidOperationException("ImageMagick's convert is not installed (apt-get install imagemagick; ./test.sh installs it).");
        }

        var partial = $"{directory}.partial-{Environment.ProcessId}";
        if (System.IO.Directory.Exists(partial))
        {
            System.IO.Directory.Delete(partial, recursive: true);
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, partial, crops.ToString(CultureInfo.InvariantCulture), scenes.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SEED"] = seed.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"make-fixtures.sh failed (exit code {process.ExitCode}): {errors.Result}");
        }

        try
        {
            System.IO.Directory.Move(partial, directory);
        }
        catch (IOException) when (File.Exists(Path.Combine(directory, "manifest.tsv")))
        {
            // Another process finished the same set first: its copy is identical.
            System.IO.Directory.Delete(partial, recursive: true);
        }
    }

    private static List<PlateFixture> Load(string directory)
    {
        var fixtures = new List<PlateFixture>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "manifest.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            var kind = columns[2].StartsWith("error", StringComparison.Ordinal) ? PlateFixtureKind.Error
                : columns[2].StartsWith("scene", StringComparison.Ordinal) ? PlateFixtureKind.Scene : PlateFixtureKind.Crop;
            fixtures.Add(new PlateFixture(Path.Combine(directory, columns[0]), columns[1], columns[2], columns.Length > 3 ? columns[3] : string.Empty, kind));
        }

        return fixtures;
    }
}
