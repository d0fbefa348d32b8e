namespace SkillsAcademy.Web.Features.Catalog;

/// <summary>The "Catalog" configuration section.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>Import the course packages in content-samples/ that the database does not have yet.</summary>
    public bool ImportSamples { get; set; } = true;

    /// <summary>Folder of sample packages; relative paths are under the application's folder (content-samples is copied there).</summary>
    public string SamplesDirectory { get; set; } = "content-samples";

    /// <summary>
    /// How often each node checks whether another node changed the catalog and, if so, evicts its own cached pages.
    /// The output cache lives in each node's memory; this bounds how long a node can show a catalog another node changed.
    /// </summary>
    public int CacheSyncSeconds { get; set; } = 15;

    public string ResolveSamplesDirectory() => Path.GetFullPath(SamplesDirectory, AppContext.BaseDirectory);

    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (ImportSamples && !Directory.Exists(ResolveSamplesDirectory()))
        {
            failures.Add($"Catalog:SamplesDirectory '{ResolveSamplesDirectory()}' does not exist (or set Catalog:ImportSamples to false).");
        }

        if (CacheSyncSeconds is < 1 or > 600)
        {
            failures.Add($"Catalog:CacheSyncSeconds must be between 1 and 600; it is {CacheSyncSeconds}.");
        }

        return failures;
    }
}
