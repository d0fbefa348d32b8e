namespace SkillsAcademy.Domain.Statistics;

/// <summary>
/// A (learner, course) pair's study months in one calendar year, as a bit set (bit 0 = January): the OR of the pair's
/// <see cref="LearnerMonth"/> rows of that year. Distinct learners and person-times over the whole months of a period
/// are counted from one row per pair and year instead of one per pair and month; only the period's partial first and
/// last months need the day bits of <see cref="LearnerMonth"/>.
/// </summary>
public sealed class LearnerYear : IStatisticsLearnerRow
{
    /// <summary>January 1st of the year.</summary>
    public DateOnly Year { get; init; }

    public Guid LearnerId { get; init; }

    public int CourseId { get; init; }

    public string RegionCode { get; init; } = DailyFact.UnknownRegion;

    public int EnterpriseId { get; init; }

    public int OccupationId { get; init; }

    public int SkillLevel { get; init; }

    /// <summary>Bit m-1 is set when the pair had credited study time in month m.</summary>
    public int ActiveMonths { get; init; }
}
