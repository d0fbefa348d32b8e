using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Vouchers;

namespace SkillsAcademy.UnitTests.Domain.Vouchers;

public sealed class VoucherTermsTests
{
    [Theory]
    [InlineData("350000", "35")]
    [InlineData("350100", "3501")]
    [InlineData("350102", "350102")]
    public void A_region_code_stands_for_its_prefix(string code, string prefix) =>
        VoucherTerms.RegionPrefixOf(code).ShouldBe(prefix);

    [Fact]
    public void A_province_covers_its_counties_and_a_city_only_its_own()
    {
        var terms = new VoucherTerms([], [], [], ["3502"], false, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        terms.CoversRegion("350203").ShouldBeTrue();
        terms.CoversRegion("350102").ShouldBeFalse();
        new VoucherTerms([], [], [], ["35"], false, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).CoversRegion("350102").ShouldBeTrue();
    }

    [Fact]
    public void Empty_lists_mean_any_course_that_takes_vouchers()
    {
        var terms = new VoucherTerms([], [], [], [], false, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        terms.CoversCourse(1, 2, SkillLevel.Level3, courseTakesVouchers: true).ShouldBeTrue();
        terms.CoversCourse(1, 2, SkillLevel.Level3, courseTakesVouchers: false).ShouldBeFalse();
    }
}
