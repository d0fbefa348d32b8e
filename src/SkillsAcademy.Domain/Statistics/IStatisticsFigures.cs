namespace SkillsAcademy.Domain.Statistics;

/// <summary>The additive measures a fact or cell row carries: they add up over days, regions, enterprises and courses.</summary>
public interface IStatisticsFigures
{
    long CreditedSeconds { get; }

    int NewEnrolments { get; }

    int Completions { get; }

    int Certificates { get; }

    int QuizAttempts { get; }

    int QuizPasses { get; }

    int VouchersRedeemed { get; }

    long VoucherAmountFen { get; }
}
