using SkillsAcademy.Domain.Vouchers;

namespace SkillsAcademy.UnitTests.Domain.Vouchers;

public sealed class VoucherCodeTests
{
    [Fact]
    public void Codes_have_twelve_characters_without_look_alikes_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 20_000).Select(_ => VoucherCode.Generate()).ToList();

        codes.ShouldAllBe(c => c.Length == VoucherCode.Length && !c.Any(ch => "01ILO".Contains(ch)));
        codes.Distinct().Count().ShouldBe(codes.Count);
        // Every symbol of the alphabet turns up: the generator is not stuck on a subset.
        codes.SelectMany(c => c).Distinct().Count().ShouldBe(31);
    }

    [Fact]
    public void A_typed_code_is_normalised_and_a_code_is_shown_in_groups_of_four()
    {
        VoucherCode.Normalise(" abcd-efgh jkmn ").ShouldBe("ABCDEFGHJKMN");
        VoucherCode.Display("ABCDEFGHJKMN").ShouldBe("ABCD-EFGH-JKMN");
    }
}
