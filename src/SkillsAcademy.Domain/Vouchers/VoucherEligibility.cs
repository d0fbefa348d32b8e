namespace SkillsAcademy.Domain.Vouchers;

/// <summary>The facts a redemption is judged on, read in the same transaction that redeems.</summary>
public sealed record RedemptionFacts(
    VoucherStatus Status,
    Guid? VoucherLearnerId,
    Guid RequestingLearnerId,
    VoucherTerms Terms,
    DateOnly Today,
    CourseFacts? Course,
    LearnerFacts? Learner,
    bool AlreadyEnrolled);

/// <summary>The course side: null when the course is not listed.</summary>
public sealed record CourseFacts(int CourseId, int OccupationId, Catalog.SkillLevel Level, bool TakesVouchers);

/// <summary>The learner's real-name profile; null when it is not completed.</summary>
public sealed record LearnerFacts(string RegionCode, bool UnionMember);

/// <summary>
/// Decides whether a voucher may pay for an enrolment, in a fixed order so the learner is told the most
/// fundamental reason first: whose voucher, its status, its window, the course, then the learner.
/// </summary>
public static class VoucherEligibility
{
    /// <param name="reserved">True when judging a request already holding the voucher (status Reserved is expected).</param>
    public static VoucherRefusal Judge(RedemptionFacts facts, bool reserved)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.VoucherLearnerId != facts.RequestingLearnerId)
        {
            return VoucherRefusal.Foreign;
        }

        var usable = reserved ? VoucherStatus.Reserved : VoucherStatus.Assigned;
        if (facts.Status != usable)
        {
            return facts.Status switch
            {
                VoucherStatus.Void => VoucherRefusal.Void,
                VoucherStatus.Expired => VoucherRefusal.Expired,
                _ => VoucherRefusal.AlreadyUsed,
            };
        }

        if (facts.Today > facts.Terms.ValidUntil)
        {
            return VoucherRefusal.Expired;
        }

        if (facts.Today < facts.Terms.ValidFrom)
        {
            return VoucherRefusal.NotYetValid;
        }

        if (facts.Course is null)
        {
            return VoucherRefusal.CourseNotListed;
        }

        if (!facts.Terms.CoversCourse(facts.Course.CourseId, facts.Course.OccupationId, facts.Course.Level, facts.Course.TakesVouchers))
        {
            return VoucherRefusal.CourseNotEligible;
        }

        if (facts.Learner is null)
        {
            return VoucherRefusal.ProfileIncomplete;
        }

        if (!facts.Terms.CoversRegion(facts.Learner.RegionCode))
        {
            return VoucherRefusal.RegionNotEligible;
        }

        if (facts.Terms.UnionMembersOnly && !facts.Learner.UnionMember)
        {
            return VoucherRefusal.UnionMembersOnly;
        }

        return facts.AlreadyEnrolled ? VoucherRefusal.AlreadyEnrolled : VoucherRefusal.None;
    }
}
