using CsCheck;
using SkillsAcademy.Domain.Statistics;

namespace SkillsAcademy.UnitTests.Domain.Statistics;

/// <summary>How a day range is split between whole months (monthly rollups) and partial months (daily rows, day bits).</summary>
public sealed class DayMaskPropertyTests
{
    private static readonly DateOnly Origin = new(2025, 11, 1);

    [Fact]
    public void Whole_months_and_partial_days_cover_every_day_of_the_range_exactly_once()
    {
        Gen.Select(Gen.Int[0, 800], Gen.Int[0, 800]).Sample((a, b) =>
        {
            var (from, to) = a <= b ? (Origin.AddDays(a), Origin.AddDays(b)) : (Origin.AddDays(b), Origin.AddDays(a));
            var (firstWhole, lastWhole, partial) = DayMask.Split(from, to);
            var covered = new List<DateOnly>();
            if (firstWhole is { } first && lastWhole is { } last)
            {
                first.Day.ShouldBe(1);
                for (var day = first; day < last.AddMonths(1); day = day.AddDays(1))
                {
                    covered.Add(day);
                }

                // The year masks name exactly the whole months.
                var months = Enumerable.Range(first.Year, last.Year - first.Year + 1)
                    .Sum(year => System.Numerics.BitOperations.PopCount((uint)DayMask.WholeMonthsWithin(year, first, last.AddMonths(1).AddDays(-1))));
                months.ShouldBe(((last.Year - first.Year) * 12) + last.Month - first.Month + 1);
            }
            else
            {
                lastWhole.ShouldBeNull();
            }

            partial.Count.ShouldBeLessThanOrEqualTo(2);
            foreach (var (partFrom, partTo) in partial)
            {
                DayMask.MonthOf(partFrom).ShouldBe(DayMask.MonthOf(partTo), "a partial range stays inside one month");
                for (var day = partFrom; day <= partTo; day = day.AddDays(1))
                {
                    covered.Add(day);
                }
            }

            covered.Order().ShouldBe(Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays));
        }, iter: 5_000);
    }
}
