using System.IO.Compression;

namespace SkillsAcademy.Web.Features.Authoring.Packages;

/// <summary>The files of a package, from a folder or a zip, read into memory (packages are small apart from media).</summary>
public sealed class CoursePackageSource
{
    // Guards memory: the zip is read whole before validation.
    public const long MaxPackageBytes = 512L * 1024 * 1024;

    private readonly Dictionary<string, byte[]> _files;

    private CoursePackageSource(Dictionary<string, byte[]> files) => _files = files;

    public IReadOnlyCollection<string> Paths => _files.Keys;

    public bool Contains(string path) => _files.ContainsKey(Normalize(path));

    public byte[] Read(string path) => _files[Normalize(path)];

    public string ReadText(string path) => System.Text.Encoding.UTF8.GetString(Read(path)).TrimStart('\uFEFF');

    public static CoursePackageSource FromFiles(IReadOnlyDictionary<string, byte[]> files) =>
        new(files.ToDictionary(p => Normalize(p.Key), p => p.Value, StringComparer.Ordinal));

    public static CoursePackageSource FromDirectory(string directory)
    {
        var root = Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Normalize(Path.GetRelativePath(root, f)), File.ReadAllBytes, StringComparer.Ordinal);
        return new CoursePackageSource(files);
    }

    /// <summary>Reads a zip whose root is the package folder (or holds exactly one folder that is).</summary>
    public static CoursePackageSource FromZip(Stream zip)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in archive.Entries.Where(e => !string.IsNullOrEmpty(e.Name)))
        {
            total += entry.Length;
            if (total > MaxPackageBytes)
            {
                throw new InvalidDataException("The package is larger than the platform accepts.");
            }

            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[Normalize(entry.FullName)] = buffer.ToArray();
        }

        var prefixes = files.Keys.Select(k => k.Split('/')[0]).Distinct().ToList();
        if (!files.ContainsKey(CoursePackage.ManifestFile) && prefixes.Count == 1)
        {
            var prefix = prefixes[0] + "/";
            files = files.ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);
        }

        return new CoursePackageSource(files);
    }

    // Forward slashes, no leading "./"; ".." never escapes because lookups only hit known keys.
    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('.', '/');
}
