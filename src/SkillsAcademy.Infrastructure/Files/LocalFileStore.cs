using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SkillsAcademy.Infrastructure.Files;

/// <summary>Files in a folder on disk. Store paths are relative ("courses/ab12…-cover.jpg") and never leave the root.</summary>
public sealed partial class LocalFileStore : IFileStore
{
    private readonly string _root;

    public LocalFileStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public async Task<string> SaveAsync(string folder, string fileName, Stream content, CancellationToken cancellationToken)
    {
        if (!SafeSegment().IsMatch(folder))
        {
            throw new ArgumentException("A store folder is lowercase letters, digits and dashes.", nameof(folder));
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var name = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}{(SafeExtension().IsMatch(extension) ? extension : "")}";
        var path = $"{folder}/{name}";
        var fullPath = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        try
        {
            await using var file = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, cancellationToken);
        }
        catch
        {
            // A cancelled or refused upload leaves nothing behind.
            File.Delete(fullPath);
            throw;
        }

        return path;
    }

    public Stream? OpenRead(string path)
    {
        var fullPath = FullPath(path);
        return File.Exists(fullPath)
            ? new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
    }

    public bool Exists(string path) => File.Exists(FullPath(path));

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        File.Delete(FullPath(path));
        return Task.CompletedTask;
    }

    private string FullPath(string path)
    {
        var fullPath = Path.GetFullPath(Path.Combine(_root, path));
        if (!fullPath.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The path leaves the file store.", nameof(path));
        }

        return fullPath;
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}(/[a-z0-9-]{1,40})*$")]
    private static partial Regex SafeSegment();

    [GeneratedRegex(@"^\.[a-z0-9]{1,8}$")]
    private static partial Regex SafeExtension();
}
