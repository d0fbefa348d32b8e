using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace SkillsAcademy.Domain.People;

/// <summary>
/// An 18-character resident identity number (GB 11643-1999). ToString() returns the masked form so the
/// plain number cannot leak into logs; read <see cref="Value"/> only to encrypt or hash it.
/// </summary>
public sealed class ResidentIdNumber : IEquatable<ResidentIdNumber>
{
    public const int Length = 18;

    private const string CheckCharacters = "10X98765432";
    private static readonly int[] _weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly DateOnly _earliestBirthDate = new(1900, 1, 1);

    // Province-level codes of GB/T 2260, plus 71 Taiwan, 81 Hong Kong and 82 Macao.
    private static readonly HashSet<int> _provinceCodes =
    [
        11, 12, 13, 14, 15,
        21, 22, 23,
        31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54,
        61, 62, 63, 64, 65,
        71, 81, 82,
    ];

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The normalised number: 17 digits and a check character (0-9 or X).</summary>
    public string Value { get; }

    public string RegionCode => Value[..6];

    public DateOnly BirthDate { get; }

    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>First 3 and last 4 characters, asterisks between: always 18 characters.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 3), new string('*', Length - 7), Value.AsSpan(Length - 4));

    public static ResidentIdNumber Parse(string input, DateOnly today)
    {
        if (TryParse(input, today, out var value, out var error))
        {
            return value;
        }

        // The input itself is deliberately left out of the message.
        throw new FormatException($"Not a valid resident ID number ({error}).");
    }

    public static bool TryParse(
        string? input,
        DateOnly today,
        [NotNullWhen(true)] out ResidentIdNumber? value,
        out ResidentIdNumberError error)
    {
        value = null;
        error = Validate(input, today, out var normalised, out var birthDate);
        if (error != ResidentIdNumberError.None)
        {
            return false;
        }

        value = new ResidentIdNumber(normalised, birthDate);
        return true;
    }

    /// <summary>Trims, removes inner white space, maps full-width characters to ASCII and x to X.</summary>
    public static string Normalise(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            // U+FF01..U+FF5E are the full-width forms of ASCII U+0021..U+007E.
            var ascii = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            builder.Append(ascii == 'x' ? 'X' : ascii);
        }

        return builder.ToString();
    }

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != Length - 1)
        {
            throw new ArgumentException("Exactly 17 digits are required.", nameof(first17Digits));
        }

        var sum = 0;
        for (var i = 0; i < first17Digits.Length; i++)
        {
            if (!char.IsAsciiDigit(first17Digits[i]))
            {
                throw new ArgumentException("Only ASCII digits are allowed.", nameof(first17Digits));
            }

            sum += (first17Digits[i] - '0') * _weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public bool Equals(ResidentIdNumber? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ResidentIdNumber);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Masked;

    public static bool operator ==(ResidentIdNumber? left, ResidentIdNumber? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(ResidentIdNumber? left, ResidentIdNumber? right) => !(left == right);

    private static ResidentIdNumberError Validate(string? input, DateOnly today, out string normalised, out DateOnly birthDate)
    {
        normalised = string.Empty;
        birthDate = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return ResidentIdNumberError.Empty;
        }

        normalised = Normalise(input);
        if (normalised.Length != Length)
        {
            return ResidentIdNumberError.WrongLength;
        }

        var body = normalised.AsSpan(0, Length - 1);
        var check = normalised[Length - 1];
        if (body.ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(check) || check == 'X'))
        {
            return ResidentIdNumberError.InvalidCharacters;
        }

        if (!_provinceCodes.Contains(int.Parse(normalised.AsSpan(0, 2), CultureInfo.InvariantCulture)))
        {
            return ResidentIdNumberError.UnknownRegion;
        }

        if (!DateOnly.TryParseExact(normalised.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            || birthDate < _earliestBirthDate
            || birthDate > today)
        {
            return ResidentIdNumberError.InvalidBirthDate;
        }

        return ComputeCheckCharacter(body) == check ? ResidentIdNumberError.None : ResidentIdNumberError.ChecksumMismatch;
    }
}
