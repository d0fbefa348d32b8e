namespace SkillsAcademy.Domain.Statistics;

/// <summary>The DOMAIN's statistics measures over one filter and period.</summary>
public sealed record StatisticsMeasures(
    int PersonTimes,
    int Learners,
    long CreditedSeconds,
    int NewEnrolments,
    int Completions,
    int Certificates,
    int QuizAttempts,
    int QuizPasses,
    int VouchersRedeemed,
    long VoucherAmountFen)
{
    public static StatisticsMeasures Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Credit hours (学时) of the total, converted once (DOMAIN: credited seconds / 2700).</summary>
    public decimal CreditHours => Catalog.CreditHours.Default.FromSeconds(CreditedSeconds);

    /// <summary>Passed attempts per graded attempt, 0–100 with one decimal; null when nobody attempted.</summary>
    public decimal? PassRatePercent => QuizAttempts == 0
        ? null
        : Math.Round(QuizPasses * 100m / QuizAttempts, 1, MidpointRounding.AwayFromZero);

    public decimal VoucherAmount => VoucherAmountFen / 100m;
}
