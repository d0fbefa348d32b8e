namespace SkillsAcademy.Web.Features.Authoring;

/// <summary>The "Uploads" configuration section.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>The largest course package (zip) an instructor or staff member may upload.</summary>
    public int MaxPackageMegabytes { get; set; } = 200;

    public long MaxPackageBytes => MaxPackageMegabytes * 1024L * 1024L;

    public IReadOnlyList<string> Validate() =>
        MaxPackageMegabytes is < 1 or > 2048
            ? [$"Uploads:MaxPackageMegabytes must be between 1 and 2048; it is {MaxPackageMegabytes}."]
            : [];
}
