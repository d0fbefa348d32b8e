using CsCheck;
using SkillsAcademy.Domain.Vouchers;

namespace SkillsAcademy.UnitTests.Domain.Vouchers;

/// <summary>Claim and voucher codes as people type them: any text normalises without an exception to a lookup key.</summary>
public sealed class VoucherCodePropertyTests
{
    [Fact]
    public void Normalising_any_text_never_throws_and_leaves_no_spaces_dashes_or_lower_case()
    {
        Gen.String.Sample(input =>
        {
            var code = VoucherCode.Normalise(input);
            code.ShouldNotContain('-');
            code.ShouldAllBe(c => !char.IsWhiteSpace(c));
            code.ShouldBe(code.ToUpperInvariant());
            VoucherCode.Normalise(code).ShouldBe(code, "normalising twice changes nothing");
        }, iter: 5_000);
        VoucherCode.Normalise(null).ShouldBe("");
    }

    [Fact]
    public void A_generated_code_survives_display_grouping_lower_case_and_spaces()
    {
        Gen.Select(Gen.Bool, Gen.Bool).Sample((lower, spaced) =>
        {
            var code = VoucherCode.Generate();
            var typed = VoucherCode.Display(code);
            typed = lower ? typed.ToLowerInvariant() : typed;
            typed = spaced ? " " + typed.Replace("-", " - ", StringComparison.Ordinal) + " " : typed;
            VoucherCode.Normalise(typed).ShouldBe(code);
        }, iter: 2_000);
    }
}
