namespace SkillsAcademy.Web.Features.Authoring;

/// <summary>The "Uploads" configuration section: how large each kind of file may be and which types are accepted.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>The largest course package (zip) an instructor or staff member may upload.</summary>
    public int MaxPackageMegabytes { get; set; } = 200;

    public int MaxVideoMegabytes { get; set; } = 500;

    public int MaxDocumentMegabytes { get; set; } = 50;

    public int MaxImageMegabytes { get; set; } = 5;

    public List<string> VideoExtensions { get; set; } = [".mp4", ".webm"];

    public List<string> DocumentExtensions { get; set; } = [".pdf"];

    public List<string> ImageExtensions { get; set; } = [".jpg", ".jpeg", ".png", ".webp"];

    public long MaxPackageBytes => MaxPackageMegabytes * 1024L * 1024L;

    public long MaxBytes(MediaKind kind) => kind switch
    {
        MediaKind.Video => MaxVideoMegabytes,
        MediaKind.Document => MaxDocumentMegabytes,
        _ => MaxImageMegabytes,
    } * 1024L * 1024L;

    public IReadOnlyList<string> Extensions(MediaKind kind) => kind switch
    {
        MediaKind.Video => VideoExtensions,
        MediaKind.Document => DocumentExtensions,
        _ => ImageExtensions,
    };

    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        foreach (var (name, value) in new[] { ("MaxPackageMegabytes", MaxPackageMegabytes), ("MaxVideoMegabytes", MaxVideoMegabytes), ("MaxDocumentMegabytes", MaxDocumentMegabytes), ("MaxImageMegabytes", MaxImageMegabytes) })
        {
            if (value is < 1 or > 4096)
            {
                failures.Add($"Uploads:{name} must be between 1 and 4096; it is {value}.");
            }
        }

        foreach (var (name, list) in new[] { ("VideoExtensions", VideoExtensions), ("DocumentExtensions", DocumentExtensions), ("ImageExtensions", ImageExtensions) })
        {
            var unknown = list.Where(e => !MediaSignature.Known(e)).ToList();
            if (list.Count == 0 || unknown.Count > 0)
            {
                failures.Add($"Uploads:{name} must list file types the platform can check ({string.Join(", ", MediaSignature.KnownExtensions)}); not {string.Join(", ", unknown)}.");
            }
        }

        return failures;
    }
}

public enum MediaKind
{
    Image,
    Video,
    Document,
}
