using System.Security.Cryptography;

namespace SkillsAcademy.Domain.Vouchers;

/// <summary>
/// Voucher and claim codes from the operating system's CSPRNG, in an alphabet without look-alikes (no 0/O, 1/I/L)
/// so a code read aloud or typed from paper still works. 12 characters carry 60 bits: not guessable.
/// </summary>
public static class VoucherCode
{
    public const int Length = 12;
    public const int ClaimCodeLength = 8;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // 31 symbols

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static string GenerateClaimCode() => RandomNumberGenerator.GetString(Alphabet, ClaimCodeLength);

    /// <summary>Upper case without spaces or dashes, as people type it.</summary>
    public static string Normalise(string? input) =>
        new((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>Shown in groups of four: ABCD-EFGH-JKMN.</summary>
    public static string Display(string code) =>
        code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;
}
