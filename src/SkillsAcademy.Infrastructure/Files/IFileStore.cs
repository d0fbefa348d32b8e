namespace SkillsAcademy.Infrastructure.Files;

/// <summary>Where uploaded and imported files live (a local folder by default, a shared volume on several nodes).</summary>
public interface IFileStore
{
    /// <summary>Stores the content under a new unique name in <paramref name="folder"/> and returns its store path.</summary>
    Task<string> SaveAsync(string folder, string fileName, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file for reading (seekable), or null when it does not exist.</summary>
    Stream? OpenRead(string path);

    bool Exists(string path);

    Task DeleteAsync(string path, CancellationToken cancellationToken);
}
