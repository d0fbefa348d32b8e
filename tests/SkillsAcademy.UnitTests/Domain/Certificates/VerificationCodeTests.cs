using SkillsAcademy.Domain.Certificates;

namespace SkillsAcademy.UnitTests.Domain.Certificates;

public sealed class VerificationCodeTests
{
    [Fact]
    public void Generated_codes_are_ten_unambiguous_characters()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => VerificationCode.Generate()).ToList();

        codes.ShouldAllBe(code => code.Length == 10 && VerificationCode.IsWellFormed(code));
        codes.ShouldAllBe(code => code.IndexOfAny(new[] { '0', 'O', '1', 'I' }) < 0);
    }

    [Fact]
    public void Generated_codes_differ_and_use_the_whole_alphabet()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => VerificationCode.Generate()).ToList();

        codes.Distinct().Count().ShouldBe(1000);
        string.Concat(codes).Distinct().Order().ShouldBe(VerificationCode.Alphabet.Order());
    }

    [Fact]
    public void The_alphabet_has_32_distinct_characters_without_look_alikes()
    {
        VerificationCode.Alphabet.Distinct().Count().ShouldBe(32);
        VerificationCode.Alphabet.ShouldNotContain('0');
        VerificationCode.Alphabet.ShouldNotContain('O');
        VerificationCode.Alphabet.ShouldNotContain('1');
        VerificationCode.Alphabet.ShouldNotContain('I');
    }

    [Theory]
    [InlineData("ABCDEFGHJK", true)]
    [InlineData("2345678923", true)]
    [InlineData("ABCDEFGHJ", false)]
    [InlineData("ABCDEFGHJKL", false)]
    [InlineData("abcdefghjk", false)]
    [InlineData("ABCDEFGHJ0", false)]
    [InlineData("ABCDEFGHJO", false)]
    [InlineData("ABCDEFGHJ1", false)]
    [InlineData("ABCDEFGHJI", false)]
    [InlineData("ABCDE FGHJ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_code_is_well_formed_only_with_ten_alphabet_characters(string? code, bool wellFormed)
    {
        VerificationCode.IsWellFormed(code).ShouldBe(wellFormed);
    }

    [Theory]
    [InlineData(" abcde-fghjk ", "ABCDEFGHJK")]
    [InlineData("ABCDE FGHJK", "ABCDEFGHJK")]
    [InlineData("2345678923", "2345678923")]
    public void Typed_codes_are_normalised(string input, string expected)
    {
        VerificationCode.TryNormalise(input, out var code).ShouldBeTrue();
        code.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ABCDEFGHJ")]
    [InlineData("ABCDEFGHJ0")]
    [InlineData("ABCDE_FGHJK")]
    public void Typed_codes_that_cannot_be_codes_are_refused(string? input)
    {
        VerificationCode.TryNormalise(input, out var code).ShouldBeFalse();
        code.ShouldBeEmpty();
    }
}
