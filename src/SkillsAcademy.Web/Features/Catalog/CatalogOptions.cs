namespace SkillsAcademy.Web.Features.Catalog;

/// <summary>The "Catalog" configuration section.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>Import the course packages in content-samples/ that the database does not have yet.</summary>
    public bool ImportSamples { get; set; } = true;

    /// <summary>Folder of sample packages; relative paths are under the application's folder (content-samples is copied there).</summary>
    public string SamplesDirectory { get; set; } = "content-samples";

    public string ResolveSamplesDirectory() => Path.GetFullPath(SamplesDirectory, AppContext.BaseDirectory);

    public IReadOnlyList<string> Validate() =>
        ImportSamples && !Directory.Exists(ResolveSamplesDirectory())
            ? [$"Catalog:SamplesDirectory '{ResolveSamplesDirectory()}' does not exist (or set Catalog:ImportSamples to false)."]
            : [];
}
