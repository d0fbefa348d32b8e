namespace SkillsAcademy.Infrastructure.Files;

/// <summary>The "Files" configuration section: where uploaded and imported files live.</summary>
public sealed class FileStoreOptions
{
    public const string SectionName = "Files";

    /// <summary>
    /// The store's folder, relative to the content root unless absolute. Empty: <c>{Database:DataDirectory}/files</c>.
    /// Several nodes point this at one shared volume (NFS, SMB, a cloud file share).
    /// </summary>
    public string Root { get; set; } = "";
}

/// <summary>The file store's folder after validation.</summary>
public sealed record FileStoreSettings(string Root)
{
    /// <summary>
    /// Short-lived files that another node may have to read (an export a job built on one node, downloaded through
    /// another); cleaned by the housekeeping job. The dot keeps it apart from store paths, which never start with one.
    /// </summary>
    public string SharedTempDirectory => Path.Combine(Root, ".tmp");

    /// <summary>
    /// Resolves the folder and proves it usable now: creates it and writes, reads and deletes a probe file. Returns the
    /// failures, each naming the setting, so a node with a missing or read-only shared volume does not start.
    /// </summary>
    public static (FileStoreSettings? Settings, IReadOnlyList<string> Failures) Resolve(
        FileStoreOptions options, string contentRoot, string dataDirectory)
    {
        var configured = options.Root?.Trim() ?? "";
        var root = Path.GetFullPath(configured.Length == 0 ? Path.Combine(dataDirectory, "files") : configured, contentRoot);
        var setting = configured.Length == 0 ? "Files:Root (empty: Database:DataDirectory/files)" : "Files:Root";
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            var readBack = File.ReadAllText(probe);
            File.Delete(probe);
            if (readBack != "ok")
            {
                return (null, [$"{setting} '{root}' does not read back what was written."]);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return (null, [$"{setting} '{root}' is not a writable folder: {exception.Message}"]);
        }

        return (new FileStoreSettings(root), []);
    }
}
