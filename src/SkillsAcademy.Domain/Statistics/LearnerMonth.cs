namespace SkillsAcademy.Domain.Statistics;

/// <summary>
/// A (learner, course) pair's study days in one calendar month, as a bit set (bit 0 = the 1st). Distinct
/// learners and person-times over any day range are counted from these rows — never summed from daily counts.
/// </summary>
public sealed class LearnerMonth : IStatisticsLearnerRow
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }

    public Guid LearnerId { get; init; }

    public int CourseId { get; init; }

    public string RegionCode { get; init; } = DailyFact.UnknownRegion;

    public int EnterpriseId { get; init; }

    public int OccupationId { get; init; }

    public int SkillLevel { get; init; }

    /// <summary>Bit d-1 is set when the pair had credited study time on day d of the month.</summary>
    public int ActiveDays { get; init; }
}
