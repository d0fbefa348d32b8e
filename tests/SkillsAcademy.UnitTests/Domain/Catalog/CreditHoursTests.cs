using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.UnitTests.Domain.Catalog;

public sealed class CreditHoursTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(2700, "1")]
    [InlineData(5400, "2")]
    [InlineData(1000, "0.37")]   // 0.3703…
    [InlineData(2687, "1.00")]   // 0.9951…
    [InlineData(4050, "1.5")]
    [InlineData(86_400, "32")]
    [InlineData(27, "0.01")]
    [InlineData(13, "0")]        // 0.0048…
    public void By_default_a_credit_hour_is_45_minutes_rounded_to_two_decimals(long seconds, string expected)
    {
        CreditHours.Default.FromSeconds(seconds).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        new CreditHours().SecondsPerCreditHour.ShouldBe(2700);
    }

    [Fact]
    public void The_length_of_a_credit_hour_is_configurable()
    {
        var hourLong = new CreditHours(3600);

        hourLong.FromSeconds(5400).ShouldBe(1.5m);
        hourLong.FromSeconds(60).ShouldBe(0.02m);
    }

    [Fact]
    public void Halves_round_away_from_zero()
    {
        // 1 / 200 = 0.005 exactly; banker's rounding would give 0.00.
        new CreditHours(200).FromSeconds(1).ShouldBe(0.01m);
        new CreditHours(200).FromSeconds(3).ShouldBe(0.02m); // 0.015
    }

    [Fact]
    public void Nonsense_inputs_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CreditHours(0));
        Should.Throw<ArgumentOutOfRangeException>(() => new CreditHours(-2700));
        Should.Throw<ArgumentOutOfRangeException>(() => CreditHours.Default.FromSeconds(-1));
    }
}
