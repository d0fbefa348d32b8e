using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SkillsAcademy.Domain.Certificates;

/// <summary>
/// A certificate serial <c>{issuer}-{year}-{8-digit sequence}</c>, e.g. <c>FJZGH-2026-00000042</c>:
/// issuer 2–10 uppercase letters or digits, a four-digit year, a sequence from 1 to 99 999 999.
/// </summary>
public sealed record CertificateSerial
{
    public const int MinYear = 2000;
    public const int MaxYear = 9999;
    public const int MaxSequence = 99_999_999;

    private CertificateSerial(string issuer, int year, int sequence)
    {
        Issuer = issuer;
        Year = year;
        Sequence = sequence;
    }

    public string Issuer { get; }

    public int Year { get; }

    public int Sequence { get; }

    public string Value => string.Create(CultureInfo.InvariantCulture, $"{Issuer}-{Year:D4}-{Sequence:D8}");

    public static CertificateSerial Create(string issuer, int year, int sequence)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (!IsValidIssuer(issuer))
        {
            throw new ArgumentException("An issuer is 2 to 10 uppercase ASCII letters or digits.", nameof(issuer));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return new CertificateSerial(issuer, year, sequence);
    }

    public static CertificateSerial Parse(string input) =>
        TryParse(input, out var serial) ? serial : throw new FormatException("Not a certificate serial.");

    /// <summary>Trims and upper-cases the input (people type serials by hand), then requires the exact shape.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out CertificateSerial? serial)
    {
        serial = null;
        if (input is null)
        {
            return false;
        }

        var parts = input.Trim().ToUpperInvariant().Split('-');
        if (parts.Length != 3
            || !IsValidIssuer(parts[0])
            || !TryParseDigits(parts[1], 4, out var year) || year < MinYear
            || !TryParseDigits(parts[2], 8, out var sequence) || sequence < 1)
        {
            return false;
        }

        serial = new CertificateSerial(parts[0], year, sequence);
        return true;
    }

    public static bool IsValidIssuer(string? issuer) =>
        issuer is { Length: >= 2 and <= 10 } && !issuer.AsSpan().ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    public override string ToString() => Value;

    private static bool TryParseDigits(string text, int length, out int value)
    {
        value = 0;
        return text.Length == length
            && !text.AsSpan().ContainsAnyExceptInRange('0', '9')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
