namespace SkillsAcademy.Domain.Vouchers;

/// <summary>Why a voucher cannot be used; stored on the voucher and the request so the learner sees the reason.</summary>
public enum VoucherRefusal
{
    None = 0,
    NotFound = 1,
    Foreign = 2,
    AlreadyUsed = 3,
    Expired = 4,
    Void = 5,
    NotYetValid = 6,
    CourseNotEligible = 7,
    RegionNotEligible = 8,
    UnionMembersOnly = 9,
    ProfileIncomplete = 10,
    AlreadyEnrolled = 11,
    CourseNotListed = 12,

    /// <summary>The learner asked too often in the last minute; never stored, as no request was made.</summary>
    TooManyRequests = 13,
}
