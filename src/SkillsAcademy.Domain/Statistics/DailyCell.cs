namespace SkillsAcademy.Domain.Statistics;

/// <summary>
/// One day's additive figures for one (region, occupation, skill level) cell: the day's <see cref="DailyFact"/> rows summed
/// over enterprises and courses, rebuilt with the day. A question that names no enterprise or course (the dashboard's usual
/// ones) reads these: about a sixth of the daily rows on province-scale data.
/// </summary>
public sealed class DailyCell : IStatisticsCell, IStatisticsFigures
{
    public DateOnly Day { get; init; }

    public string RegionCode { get; init; } = DailyFact.UnknownRegion;

    public int OccupationId { get; init; }

    public int SkillLevel { get; init; }

    public long CreditedSeconds { get; init; }

    /// <summary>(learner, course) pairs active that day: adds up across cells, never across days.</summary>
    public int PersonTimes { get; init; }

    public int NewEnrolments { get; init; }

    public int Completions { get; init; }

    public int Certificates { get; init; }

    public int QuizAttempts { get; init; }

    public int QuizPasses { get; init; }

    public int VouchersRedeemed { get; init; }

    public long VoucherAmountFen { get; init; }
}
