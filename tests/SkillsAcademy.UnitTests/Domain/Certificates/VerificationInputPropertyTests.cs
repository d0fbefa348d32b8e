using System.Text.RegularExpressions;
using CsCheck;
using SkillsAcademy.Domain.Certificates;

namespace SkillsAcademy.UnitTests.Domain.Certificates;

/// <summary>What arrives in /verify/{serial}?code= and the QR code: any text, never an exception, only the exact shapes.</summary>
public sealed partial class VerificationInputPropertyTests
{
    private static readonly Gen<string> Serialish =
        Gen.Frequency(
                (6, Gen.Char["FJZGH0123456789-"]),
                (1, Gen.Char["abcxyz ıİß\u0000\t/%?#"]),
                (1, Gen.Char))
            .Array[0, 30].Select(chars => new string(chars));

    [Fact]
    public void A_serial_is_accepted_only_in_its_exact_shape_and_parses_back_to_itself()
    {
        Serialish.Sample(input =>
        {
            if (CertificateSerial.TryParse(input, out var serial))
            {
                SerialShape().IsMatch(serial.Value).ShouldBeTrue(serial.Value);
                CertificateSerial.TryParse(serial.Value, out var again).ShouldBeTrue();
                again!.Value.ShouldBe(serial.Value);
            }
        }, iter: 5_000);
    }

    [Fact]
    public void Every_well_formed_serial_is_accepted_in_any_case_and_with_surrounding_spaces()
    {
        Gen.Select(Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Array[2, 10], Gen.Int[2000, 9999], Gen.Int[1, 99_999_999]).Sample((issuer, year, sequence) =>
        {
            var text = $"{new string(issuer)}-{year:0000}-{sequence:00000000}";
            CertificateSerial.TryParse($"  {text.ToLowerInvariant()} ", out var serial).ShouldBeTrue(text);
            serial!.Value.ShouldBe(text);
        }, iter: 5_000);
    }

    [Fact]
    public void A_verification_code_normalises_to_the_exact_alphabet_or_is_refused()
    {
        Gen.Frequency((4, Gen.Char[VerificationCode.Alphabet + "abcdefgh -"]), (1, Gen.Char)).Array[0, 16].Select(c => new string(c)).Sample(input =>
        {
            if (VerificationCode.TryNormalise(input, out var code))
            {
                VerificationCode.IsWellFormed(code).ShouldBeTrue();
                code.Length.ShouldBe(VerificationCode.Length);
            }

            VerificationCode.IsWellFormed(input).ShouldBe(input.Length == VerificationCode.Length && input.All(VerificationCode.Alphabet.Contains));
        }, iter: 5_000);
    }

    [GeneratedRegex("^[A-Z0-9]{2,10}-[0-9]{4}-[0-9]{8}$")]
    private static partial Regex SerialShape();
}
