namespace SkillsAcademy.Domain.Statistics;

/// <summary>
/// One month's additive figures for one (region, occupation, skill level) cell: the month's <see cref="DailyCell"/> rows
/// summed, rebuilt whenever a day of the month is. Long periods without an enterprise or course read these: about one
/// fortieth of <see cref="MonthlyFact"/> on province-scale data.
/// </summary>
public sealed class MonthlyCell : IStatisticsCell, IStatisticsFigures
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }

    public string RegionCode { get; init; } = DailyFact.UnknownRegion;

    public int OccupationId { get; init; }

    public int SkillLevel { get; init; }

    public long CreditedSeconds { get; init; }

    /// <summary>The sum of the days' person-times: not a person-time count of the month.</summary>
    public int ActivePairDays { get; init; }

    public int NewEnrolments { get; init; }

    public int Completions { get; init; }

    public int Certificates { get; init; }

    public int QuizAttempts { get; init; }

    public int QuizPasses { get; init; }

    public int VouchersRedeemed { get; init; }

    public long VoucherAmountFen { get; init; }
}
