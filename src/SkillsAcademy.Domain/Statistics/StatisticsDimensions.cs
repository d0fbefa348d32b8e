namespace SkillsAcademy.Domain.Statistics;

/// <summary>
/// What every rollup row is filed under: the learner's region and the course's occupation and skill level. The cell
/// tables (<see cref="DailyCell"/>, <see cref="MonthlyCell"/>) stop here; the other rollup rows also name the enterprise
/// and the course (<see cref="IStatisticsRow"/>).
/// </summary>
public interface IStatisticsCell
{
    /// <summary>The learner's region code (county or city, GB/T 2260) or <see cref="DailyFact.UnknownRegion"/>.</summary>
    string RegionCode { get; }

    int OccupationId { get; }

    int SkillLevel { get; }
}

/// <summary>A rollup row with every dimension a filter can name.</summary>
public interface IStatisticsRow : IStatisticsCell
{
    /// <summary>The learner's enterprise, 0 when unknown.</summary>
    int EnterpriseId { get; }

    int CourseId { get; }
}

/// <summary>A rollup row of one learner's activity in one course (<see cref="LearnerMonth"/>, <see cref="LearnerYear"/>).</summary>
public interface IStatisticsLearnerRow : IStatisticsRow
{
    Guid LearnerId { get; }
}
