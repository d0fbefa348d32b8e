using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Vouchers;

namespace SkillsAcademy.UnitTests.Domain.Vouchers;

public sealed class VoucherEligibilityTests
{
    private static readonly Guid Learner = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static VoucherTerms Terms(
        int[]? courses = null, int[]? occupations = null, SkillLevel[]? levels = null, string[]? regions = null, bool unionOnly = false,
        DateOnly? from = null, DateOnly? until = null) =>
        new(courses ?? [], occupations ?? [], levels ?? [], regions ?? [], unionOnly, from ?? Today.AddDays(-10), until ?? Today.AddDays(10));

    private static RedemptionFacts Facts(
        VoucherTerms? terms = null, VoucherStatus status = VoucherStatus.Assigned, Guid? owner = null, CourseFacts? course = null,
        LearnerFacts? learner = null, bool noProfile = false, bool enrolled = false, bool noCourse = false) =>
        new(status, owner ?? Learner, Learner, terms ?? Terms(), Today,
            noCourse ? null : course ?? new CourseFacts(7, 3, SkillLevel.Level5, TakesVouchers: true),
            noProfile ? null : learner ?? new LearnerFacts("350102", UnionMember: true),
            enrolled);

    [Fact]
    public void An_own_assigned_voucher_for_an_eligible_course_and_a_complete_profile_is_accepted() =>
        VoucherEligibility.Judge(Facts(), reserved: false).ShouldBe(VoucherRefusal.None);

    [Fact]
    public void Another_learners_voucher_is_foreign_before_anything_else() =>
        VoucherEligibility.Judge(Facts(status: VoucherStatus.Void, owner: Guid.NewGuid()), reserved: false).ShouldBe(VoucherRefusal.Foreign);

    [Theory]
    [InlineData(VoucherStatus.Void, VoucherRefusal.Void)]
    [InlineData(VoucherStatus.Expired, VoucherRefusal.Expired)]
    [InlineData(VoucherStatus.Redeemed, VoucherRefusal.AlreadyUsed)]
    [InlineData(VoucherStatus.Reserved, VoucherRefusal.AlreadyUsed)]
    public void A_voucher_that_is_not_assigned_is_refused_with_its_status(VoucherStatus status, VoucherRefusal expected) =>
        VoucherEligibility.Judge(Facts(status: status), reserved: false).ShouldBe(expected);

    [Fact]
    public void The_job_judges_a_reserved_voucher_as_usable_and_an_assigned_one_as_not() =>
        (VoucherEligibility.Judge(Facts(status: VoucherStatus.Reserved), reserved: true),
         VoucherEligibility.Judge(Facts(status: VoucherStatus.Assigned), reserved: true))
            .ShouldBe((VoucherRefusal.None, VoucherRefusal.AlreadyUsed));

    [Fact]
    public void The_last_valid_day_is_inclusive_and_the_day_after_is_expired()
    {
        VoucherEligibility.Judge(Facts(Terms(until: Today)), reserved: false).ShouldBe(VoucherRefusal.None);
        VoucherEligibility.Judge(Facts(Terms(until: Today.AddDays(-1))), reserved: false).ShouldBe(VoucherRefusal.Expired);
        VoucherEligibility.Judge(Facts(Terms(from: Today.AddDays(1))), reserved: false).ShouldBe(VoucherRefusal.NotYetValid);
    }

    [Theory]
    [InlineData(new[] { 8 }, new int[0], VoucherRefusal.CourseNotEligible)]
    [InlineData(new[] { 7 }, new[] { 4 }, VoucherRefusal.CourseNotEligible)]
    [InlineData(new[] { 7, 8 }, new[] { 3 }, VoucherRefusal.None)]
    public void A_course_must_be_in_every_non_empty_list(int[] courses, int[] occupations, VoucherRefusal expected) =>
        VoucherEligibility.Judge(Facts(Terms(courses, occupations)), reserved: false).ShouldBe(expected);

    [Fact]
    public void A_course_that_takes_no_vouchers_or_a_wrong_level_is_not_eligible()
    {
        VoucherEligibility.Judge(Facts(course: new CourseFacts(7, 3, SkillLevel.Level5, TakesVouchers: false)), reserved: false)
            .ShouldBe(VoucherRefusal.CourseNotEligible);
        VoucherEligibility.Judge(Facts(Terms(levels: [SkillLevel.Level4])), reserved: false).ShouldBe(VoucherRefusal.CourseNotEligible);
        VoucherEligibility.Judge(Facts(noCourse: true), reserved: false).ShouldBe(VoucherRefusal.CourseNotListed);
    }

    [Fact]
    public void The_learner_needs_a_profile_in_a_covered_region_and_union_membership_when_asked()
    {
        VoucherEligibility.Judge(Facts(noProfile: true), reserved: false).ShouldBe(VoucherRefusal.ProfileIncomplete);
        VoucherEligibility.Judge(Facts(Terms(regions: ["3502"])), reserved: false).ShouldBe(VoucherRefusal.RegionNotEligible);
        VoucherEligibility.Judge(Facts(Terms(regions: ["3502", "3501"])), reserved: false).ShouldBe(VoucherRefusal.None);
        VoucherEligibility.Judge(Facts(Terms(unionOnly: true), learner: new LearnerFacts("350102", UnionMember: false)), reserved: false)
            .ShouldBe(VoucherRefusal.UnionMembersOnly);
    }

    [Fact]
    public void A_learner_already_enrolled_does_not_spend_a_voucher() =>
        VoucherEligibility.Judge(Facts(enrolled: true), reserved: false).ShouldBe(VoucherRefusal.AlreadyEnrolled);
}
