using System.Security.Cryptography;

namespace SkillsAcademy.Domain.Certificates;

/// <summary>
/// The random code printed on a certificate and asked for on the public verification page: 10 characters
/// from a 32-character alphabet without 0/O and 1/I (50 bits), drawn from a CSPRNG.
/// </summary>
public static class VerificationCode
{
    public const int Length = 10;
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && !code.AsSpan().ContainsAnyExcept(Alphabet);

    /// <summary>For typed input: trims, removes spaces and hyphens, upper-cases; then requires the exact shape.</summary>
    public static bool TryNormalise(string? input, out string code)
    {
        code = string.Empty;
        if (input is null)
        {
            return false;
        }

        var candidate = string.Concat(input.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
        if (!IsWellFormed(candidate))
        {
            return false;
        }

        code = candidate;
        return true;
    }
}
