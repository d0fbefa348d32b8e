namespace SkillsAcademy.Domain.Statistics;

/// <summary>Day-of-month bit sets used by <see cref="LearnerMonth.ActiveDays"/>.</summary>
public static class DayMask
{
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static int Bit(DateOnly day) => 1 << (day.Day - 1);

    /// <summary>The bits of the days of <paramref name="month"/> that fall within [from, to].</summary>
    public static int Within(DateOnly month, DateOnly from, DateOnly to)
    {
        var first = MonthOf(month);
        var last = first.AddMonths(1).AddDays(-1);
        var start = from > first ? from : first;
        var end = to < last ? to : last;
        if (start > end)
        {
            return 0;
        }

        var mask = 0;
        for (var day = start.Day; day <= end.Day; day++)
        {
            mask |= 1 << (day - 1);
        }

        return mask;
    }

    /// <summary>The first days of every month that [from, to] touches, in order.</summary>
    public static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var month = MonthOf(from); month <= to; month = month.AddMonths(1))
        {
            yield return month;
        }
    }
}
