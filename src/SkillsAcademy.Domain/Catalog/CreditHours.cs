namespace SkillsAcademy.Domain.Catalog;

/// <summary>Converts credited study seconds to credit hours (学时): 45 minutes each unless configured otherwise.</summary>
public sealed class CreditHours
{
    public const int DefaultSecondsPerCreditHour = 45 * 60;

    private readonly int _secondsPerCreditHour;

    public CreditHours(int secondsPerCreditHour = DefaultSecondsPerCreditHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(secondsPerCreditHour);
        _secondsPerCreditHour = secondsPerCreditHour;
    }

    public static CreditHours Default { get; } = new();

    public int SecondsPerCreditHour => _secondsPerCreditHour;

    /// <summary>Rounded to 2 decimals, half away from zero (四舍五入). Convert totals, not per-item values, to avoid summing rounding errors.</summary>
    public decimal FromSeconds(long creditedSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(creditedSeconds);
        return Math.Round((decimal)creditedSeconds / _secondsPerCreditHour, 2, MidpointRounding.AwayFromZero);
    }
}
