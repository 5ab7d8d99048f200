namespace ParkingGrains.Silo.Tests;

/// <summary>A fresh folder under the temp path for a test's SQLite file and key ring, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pg-silo-{Guid.NewGuid():N}");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a process killed a moment ago may still hold a file; the temp folder is cleaned eventually
        }
    }
}
