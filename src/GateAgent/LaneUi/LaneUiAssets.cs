using System.Collections.Frozen;

namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>The page's three files, embedded in the agent (one file to deploy, nothing to find at run time), read once.</summary>
internal static class LaneUiAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> s_files = Load();

    public static (byte[] Content, string ContentType)? Find(string path) => s_files.TryGetValue(path, out var file) ? file : null;

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(LaneUiAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var (path, name, type) in new[]
                 {
                     ("/", "lane-ui/index.html", "text/html; charset=utf-8"),
                     ("/lane.css", "lane-ui/lane.css", "text/css; charset=utf-8"),
                     ("/lane.js", "lane-ui/lane.js", "text/javascript; charset=utf-8"),
                 })
        {
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The lane UI's {name} is not embedded in the agent.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[path] = (copy.ToArray(), type);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
