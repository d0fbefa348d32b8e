namespace SkillsAcademy.Web.Features.Authoring;

/// <summary>
/// Checks that a file's first bytes match its extension, so that a renamed executable or HTML page is refused
/// however it is named. Content types come from the same table when the file is served.
/// </summary>
public static class MediaSignature
{
    private static readonly Dictionary<string, (string ContentType, Func<ReadOnlyMemory<byte>, bool> Matches)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", b => StartsWith(b, "%PDF-"u8)),
        [".png"] = ("image/png", b => StartsWith(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        [".jpg"] = ("image/jpeg", b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
        [".jpeg"] = ("image/jpeg", b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
        [".webp"] = ("image/webp", b => StartsWith(b, "RIFF"u8) && b.Length >= 12 && b.Span[8..12].SequenceEqual("WEBP"u8)),
        [".mp4"] = ("video/mp4", b => b.Length >= 8 && b.Span[4..8].SequenceEqual("ftyp"u8)),
        [".webm"] = ("video/webm", b => StartsWith(b, [0x1A, 0x45, 0xDF, 0xA3])),
    };

    public const int HeaderLength = 16;

    public static IEnumerable<string> KnownExtensions => Types.Keys;

    public static bool Known(string extension) => Types.ContainsKey(extension);

    public static bool Matches(string extension, ReadOnlyMemory<byte> header) =>
        Types.TryGetValue(extension, out var type) && type.Matches(header);

    public static string ContentType(string path) =>
        Types.TryGetValue(Path.GetExtension(path), out var type) ? type.ContentType : "application/octet-stream";

    private static bool StartsWith(ReadOnlyMemory<byte> bytes, ReadOnlySpan<byte> prefix) => bytes.Span.StartsWith(prefix);
}
