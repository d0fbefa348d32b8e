namespace SkillsAcademy.Domain.Statistics;

/// <summary>
/// One month's additive training figures for one (region, enterprise, course) cell: the sum of that month's
/// <see cref="DailyFact"/> rows, kept equal to them by the rollup (each day's rebuild takes its old rows out and puts its
/// new rows in, in the day's transaction). Long periods read these instead of thirty daily rows per cell.
/// </summary>
public sealed class MonthlyFact : IStatisticsRow, IStatisticsFigures
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }

    public string RegionCode { get; init; } = DailyFact.UnknownRegion;

    public int EnterpriseId { get; init; }

    public int CourseId { get; init; }

    public int OccupationId { get; init; }

    public int SkillLevel { get; init; }

    public long CreditedSeconds { get; init; }

    /// <summary>The sum of the days' person-times, i.e. (learner, course, day) triples: not a person-time count of the month.</summary>
    public int ActivePairDays { get; init; }

    public int NewEnrolments { get; init; }

    public int Completions { get; init; }

    public int Certificates { get; init; }

    public int QuizAttempts { get; init; }

    public int QuizPasses { get; init; }

    public int VouchersRedeemed { get; init; }

    public long VoucherAmountFen { get; init; }
}
