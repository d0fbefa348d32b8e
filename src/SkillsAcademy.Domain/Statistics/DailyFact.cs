namespace SkillsAcademy.Domain.Statistics;

/// <summary>
/// One day's additive training figures for one (region, enterprise, course) cell: a rollup row, recomputed
/// whole per day partition and never edited by hand. Person-times here count (learner, course) pairs active
/// that day, so they add up across regions, enterprises and courses but never across days.
/// </summary>
public sealed class DailyFact : IStatisticsRow, IStatisticsFigures
{
    /// <summary>Learners without a real-name profile are counted under this region code.</summary>
    public const string UnknownRegion = "";

    public DateOnly Day { get; init; }

    /// <summary>The learner's region code (county or city, GB/T 2260) or <see cref="UnknownRegion"/>.</summary>
    public string RegionCode { get; init; } = UnknownRegion;

    /// <summary>The learner's enterprise, 0 when unknown.</summary>
    public int EnterpriseId { get; init; }

    public int CourseId { get; init; }

    public int OccupationId { get; init; }

    public int SkillLevel { get; init; }

    public long CreditedSeconds { get; init; }

    public int PersonTimes { get; init; }

    public int NewEnrolments { get; init; }

    public int Completions { get; init; }

    public int Certificates { get; init; }

    public int QuizAttempts { get; init; }

    public int QuizPasses { get; init; }

    public int VouchersRedeemed { get; init; }

    /// <summary>Redeemed face value in fen (0.01 CNY), so sums stay exact on every database.</summary>
    public long VoucherAmountFen { get; init; }
}
