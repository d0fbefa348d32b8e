using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SkillsAcademy.TestUtilities;

/// <summary>
/// Finds resident ID numbers in clear in any text or file: 18 characters (17 digits and a digit or X) whose
/// ISO 7064 MOD 11-2 check character is right and whose digits 7–14 are a real birth date. The date check keeps
/// other long digit runs (timestamps, counters) from being taken for ID numbers one time in eleven.
/// </summary>
public static partial class IdNumberScanner
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>
    /// Every valid number in <paramref name="text"/>, also inside a longer run of digits: in a database page or any
    /// binary record values sit side by side without separators, so a number next to another digit still counts.
    /// </summary>
    public static IReadOnlyList<string> FindAll(string text) =>
        DigitRun().Matches(text)
            .SelectMany(run => Enumerable.Range(0, run.Length - 17).Select(start => run.Value.Substring(start, 18).ToUpperInvariant()))
            .Where(IsValid)
            .Distinct()
            .ToList();

    /// <summary>Scans a file's bytes as single-byte text (ASCII digits stay digits, whatever the encoding around them).</summary>
    public static IReadOnlyList<string> FindAllInFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        var found = FindAll(Encoding.Latin1.GetString(bytes)).ToList();
        // UTF-16 text (e.g. a .NET string written raw) would hide the digits between zero bytes.
        found.AddRange(FindAll(Encoding.Unicode.GetString(bytes)));
        found.AddRange(FindAll(Encoding.Unicode.GetString(bytes.AsSpan(Math.Min(1, bytes.Length)))));
        return found.Distinct().ToList();
    }

    public static bool IsValid(string candidate)
    {
        if (candidate.Length != 18 || candidate[0] == '0' || candidate.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (candidate[i] - '0') * Weights[i];
        }

        return "10X98765432"[sum % 11] == char.ToUpperInvariant(candidate[17])
            && DateOnly.TryParseExact(candidate.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            && birth.Year >= 1900 && birth.Year <= 2100;
    }

    /// <summary>A valid ID number for test person <paramref name="serial"/> (Fuzhou, born 1988).</summary>
    public static string ValidNumber(int serial)
    {
        var body = $"350102198803{10 + (serial % 18):00}{serial % 1000:000}";
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    // Digits, and an X only where a run ends (the check character); windows with an X inside are not numbers.
    [GeneratedRegex("[0-9]{17,}[Xx]?")]
    private static partial Regex DigitRun();
}
