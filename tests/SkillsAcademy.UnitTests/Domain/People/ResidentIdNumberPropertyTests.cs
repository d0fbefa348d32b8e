using System.Text.RegularExpressions;
using CsCheck;
using SkillsAcademy.Domain.People;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.UnitTests.Domain.People;

/// <summary>Random and malformed input for the ID number parser: never an exception, only valid numbers accepted.</summary>
public sealed partial class ResidentIdNumberPropertyTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    // Characters people (and attackers) put into the field: digits of both widths, x, spaces, punctuation, CJK, controls.
    private static readonly Gen<string> Typed =
        Gen.Frequency(
                (6, Gen.Char["0123456789"]),
                (1, Gen.Char["xX０１２３４５６７８９ｘＸ \t\u3000-_/."]),
                (1, Gen.Char))
            .Array[0, 24].Select(chars => new string(chars));

    /// <summary>A valid number: a real province, a real birth date, any sequence, the right check character.</summary>
    private static readonly Gen<string> Valid =
        Gen.Select(
            Gen.OneOf(Gen.Const("110105"), Gen.Const("350102"), Gen.Const("350203"), Gen.Const("440305"), Gen.Const("650102")),
            Gen.DateOnly[new DateOnly(1930, 1, 1), new DateOnly(2010, 12, 31)],
            Gen.Int[0, 999],
            (region, birth, sequence) =>
            {
                var body = $"{region}{birth:yyyyMMdd}{sequence:000}";
                return body + ResidentIdNumber.ComputeCheckCharacter(body);
            });

    [Fact]
    public void Any_input_is_either_refused_with_a_reason_or_accepted_as_a_valid_normalised_number()
    {
        Typed.Sample(input =>
        {
            var accepted = ResidentIdNumber.TryParse(input, Today, out var number, out var error);
            if (accepted)
            {
                error.ShouldBe(ResidentIdNumberError.None);
                Shape().IsMatch(number!.Value).ShouldBeTrue(number.Value);
                IdNumberScanner.IsValid(number.Value).ShouldBeTrue();
                number.Masked.Length.ShouldBe(18);
                number.Masked[3..14].ShouldAllBe(c => c == '*');
            }
            else
            {
                error.ShouldNotBe(ResidentIdNumberError.None);
                number.ShouldBeNull();
            }
        }, iter: 5_000);
    }

    [Fact]
    public void A_valid_number_is_accepted_however_it_is_typed_and_its_value_never_changes()
    {
        Gen.Select(Valid, Gen.Bool, Gen.Bool, Gen.Int[0, 17]).Sample((valid, fullWidth, spaced, at) =>
        {
            var typed = valid.Replace('X', 'x');
            if (fullWidth)
            {
                typed = new string(typed.Select(c => char.IsAsciiDigit(c) ? (char)(c + 0xFEE0) : c).ToArray());
            }

            if (spaced)
            {
                typed = " " + typed.Insert(at, " ") + "\t";
            }

            ResidentIdNumber.TryParse(typed, Today, out var number, out var error).ShouldBeTrue($"{typed}: {error}");
            number!.Value.ShouldBe(valid);
        }, iter: 5_000);
    }

    [Fact]
    public void Changing_any_one_character_of_a_valid_number_is_always_caught()
    {
        Gen.Select(Valid, Gen.Int[0, 17], Gen.Char["0123456789X"]).Sample((valid, at, replacement) =>
        {
            if (valid[at] == replacement)
            {
                return;
            }

            var changed = string.Concat(valid.AsSpan(0, at), replacement.ToString(), valid.AsSpan(at + 1));
            ResidentIdNumber.TryParse(changed, Today, out _, out var error).ShouldBeFalse(changed);
            error.ShouldNotBe(ResidentIdNumberError.None);
        }, iter: 5_000);
    }

    [Fact]
    public void A_refusal_message_never_carries_the_number()
    {
        Valid.Sample(valid =>
        {
            var wrong = valid[..17] + (valid[17] == '1' ? '2' : '1');
            var exception = Should.Throw<FormatException>(() => ResidentIdNumber.Parse(wrong, Today));
            exception.Message.ShouldNotContain(wrong[..6]);
            exception.Message.ShouldNotContain(wrong[6..14]);
        }, iter: 500);
    }

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex Shape();
}
