using SkillsAcademy.Domain.Learning;

namespace SkillsAcademy.UnitTests.Domain.Learning;

public sealed class CheckInStreakTests
{
    private static readonly DateOnly _today = new(2026, 11, 24);

    private static DateOnly[] DaysAgo(params int[] offsets) => [.. offsets.Select(o => _today.AddDays(-o))];

    [Fact]
    public void No_check_ins_is_no_streak()
    {
        CheckInStreak.Calculate([], _today).ShouldBe(0);
    }

    [Theory]
    [InlineData(new[] { 0 }, 1)]
    [InlineData(new[] { 1 }, 1)]
    [InlineData(new[] { 0, 1, 2 }, 3)]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, 5)]
    [InlineData(new[] { 0, 2, 3, 4 }, 1)]
    [InlineData(new[] { 0, 1, 3, 4, 5, 6 }, 2)]
    [InlineData(new[] { 2, 3, 4 }, 0)]
    [InlineData(new[] { 5 }, 0)]
    [InlineData(new[] { 2, 1, 0 }, 3)]
    public void The_streak_is_the_run_of_consecutive_days_ending_today_or_yesterday(int[] daysAgo, int streak)
    {
        CheckInStreak.Calculate(DaysAgo(daysAgo), _today).ShouldBe(streak);
    }

    [Fact]
    public void Days_after_today_are_ignored()
    {
        CheckInStreak.Calculate([_today.AddDays(1), _today.AddDays(2)], _today).ShouldBe(0);
        CheckInStreak.Calculate([_today.AddDays(1), _today], _today).ShouldBe(1);
    }

    [Fact]
    public void Duplicate_days_count_once()
    {
        CheckInStreak.Calculate([_today, _today, _today.AddDays(-1)], _today).ShouldBe(2);
    }

    [Fact]
    public void A_streak_runs_across_month_and_year_ends()
    {
        var today = new DateOnly(2026, 1, 1);

        CheckInStreak.Calculate([new(2025, 12, 30), new(2025, 12, 31), today], today).ShouldBe(3);
    }

    [Fact]
    public void A_streak_that_reaches_the_first_representable_day_ends_there()
    {
        CheckInStreak.Calculate([DateOnly.MinValue, DateOnly.MinValue.AddDays(1)], DateOnly.MinValue.AddDays(1)).ShouldBe(2);
    }
}
