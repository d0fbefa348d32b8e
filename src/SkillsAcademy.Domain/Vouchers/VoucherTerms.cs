using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Domain.Vouchers;

/// <summary>
/// Who and what a batch pays for. An empty list means "any"; a course must match every non-empty list
/// (listed course, occupation and level), and a learner's region must start with one of the region prefixes.
/// </summary>
public sealed record VoucherTerms(
    IReadOnlyCollection<int> CourseIds,
    IReadOnlyCollection<int> OccupationIds,
    IReadOnlyCollection<SkillLevel> Levels,
    IReadOnlyCollection<string> RegionPrefixes,
    bool UnionMembersOnly,
    DateOnly ValidFrom,
    DateOnly ValidUntil)
{
    public bool CoversCourse(int courseId, int occupationId, SkillLevel level, bool courseTakesVouchers) =>
        courseTakesVouchers
        && (CourseIds.Count == 0 || CourseIds.Contains(courseId))
        && (OccupationIds.Count == 0 || OccupationIds.Contains(occupationId))
        && (Levels.Count == 0 || Levels.Contains(level));

    public bool CoversRegion(string regionCode) =>
        RegionPrefixes.Count == 0 || RegionPrefixes.Any(prefix => regionCode.StartsWith(prefix, StringComparison.Ordinal));

    public bool IsValidOn(DateOnly day) => day >= ValidFrom && day <= ValidUntil;

    /// <summary>The prefix a region code stands for: 350000 → "35" (province), 350100 → "3501" (city), 350102 stays.</summary>
    public static string RegionPrefixOf(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode.EndsWith("0000", StringComparison.Ordinal))
        {
            return regionCode[..2];
        }

        return regionCode.EndsWith("00", StringComparison.Ordinal) ? regionCode[..4] : regionCode;
    }
}
