using System.Globalization;
using System.Reflection;

namespace ParkingGrains.Storage.Sql;

/// <summary>
/// Loads migration scripts embedded as <c>Migrations/NNNN_description.sql</c> resources (the Runtime csproj embeds
/// every <c>**/Migrations/*.sql</c>). The numeric prefix is the version; scripts are returned in version order.
/// </summary>
public static class EmbeddedMigrations
{
    /// <param name="assembly">The assembly holding the resources.</param>
    /// <param name="resourcePrefix">The manifest name of the folder, e.g. "ParkingGrains.Storage.Sql.Migrations".</param>
    public static IReadOnlyList<MigrationScript> Load(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourcePrefix);

        var prefix = resourcePrefix.EndsWith('.') ? resourcePrefix : resourcePrefix + ".";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[prefix.Length..^".sql".Length];
            var underscore = name.IndexOf('_');
            var digits = underscore > 0 ? name[..underscore] : name;
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
            {
                throw new InvalidOperationException($"Migration resource '{resource}' must be named NNNN_description.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Migration resource '{resource}' cannot be opened.");
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No migration scripts found under '{prefix}' in {assembly.GetName().Name}.");
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migration scripts under '{prefix}' share version {scripts[i].Version}.");
            }
        }

        return scripts;
    }
}
