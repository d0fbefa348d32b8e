using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace SkillsAcademy.Domain.People;

/// <summary>A mainland China mobile number: 11 digits starting 13–19, after normalisation.</summary>
public sealed class MobileNumber : IEquatable<MobileNumber>
{
    private MobileNumber(string value) => Value = value;

    /// <summary>The normalised 11 digits. Personal data: encrypt at rest, never log.</summary>
    public string Value { get; }

    /// <summary>First 3 and last 4 digits, e.g. 138****8000.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 3), "****", Value.AsSpan(7, 4));

    public static bool TryParse(string? input, [NotNullWhen(true)] out MobileNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var digits = Normalize(input);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (digits.Length != 11 || digits[0] != '1' || digits[1] < '3' || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        number = new MobileNumber(digits);
        return true;
    }

    /// <summary>True when the input looks like a phone number rather than an e-mail or a name.</summary>
    public static bool LooksLikeMobileNumber(string? input) =>
        !string.IsNullOrWhiteSpace(input) && Normalize(input).TrimStart('+').All(char.IsAsciiDigit);

    // Full-width digits and plus sign to ASCII; spaces and dashes dropped.
    private static string Normalize(string input)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input.Trim())
        {
            var ch = c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c == '＋' ? '+' : c;
            if (ch is ' ' or '-' or '\u3000')
            {
                continue;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    public bool Equals(MobileNumber? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as MobileNumber);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>Masked, so that the number cannot leak through string interpolation into logs.</summary>
    public override string ToString() => Masked;
}
