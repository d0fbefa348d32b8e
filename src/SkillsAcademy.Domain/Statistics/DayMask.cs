namespace SkillsAcademy.Domain.Statistics;

/// <summary>Day-of-month bit sets used by <see cref="LearnerMonth.ActiveDays"/>.</summary>
public static class DayMask
{
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static int Bit(DateOnly day) => 1 << (day.Day - 1);

    public static DateOnly YearOf(DateOnly day) => new(day.Year, 1, 1);

    /// <summary>The day's month in <see cref="LearnerYear.ActiveMonths"/> (bit 0 = January).</summary>
    public static int MonthBit(DateOnly day) => 1 << (day.Month - 1);

    /// <summary>The bits of the months of <paramref name="year"/> that lie wholly within [from, to].</summary>
    public static int WholeMonthsWithin(int year, DateOnly from, DateOnly to)
    {
        var mask = 0;
        for (var month = 1; month <= 12; month++)
        {
            var first = new DateOnly(year, month, 1);
            if (first >= from && first.AddMonths(1).AddDays(-1) <= to)
            {
                mask |= 1 << (month - 1);
            }
        }

        return mask;
    }

    /// <summary>
    /// Splits [from, to] into the calendar months it covers whole (a contiguous run, null when none) and the day ranges
    /// of the at most two months it covers only in part.
    /// </summary>
    public static (DateOnly? FirstWholeMonth, DateOnly? LastWholeMonth, IReadOnlyList<(DateOnly From, DateOnly To)> PartialDays) Split(DateOnly from, DateOnly to)
    {
        var firstMonth = MonthOf(from);
        var lastMonth = MonthOf(to);
        var partial = new List<(DateOnly, DateOnly)>();
        var firstWhole = from == firstMonth ? firstMonth : firstMonth.AddMonths(1);
        var lastWhole = to == lastMonth.AddMonths(1).AddDays(-1) ? lastMonth : lastMonth.AddMonths(-1);
        if (firstWhole > lastWhole)
        {
            // No whole month: one part of one month, or the tails of two neighbouring months.
            if (firstMonth == lastMonth)
            {
                partial.Add((from, to));
            }
            else
            {
                partial.Add((from, lastMonth.AddDays(-1)));
                partial.Add((lastMonth, to));
            }

            return (null, null, partial);
        }

        if (from != firstMonth)
        {
            partial.Add((from, firstMonth.AddMonths(1).AddDays(-1)));
        }

        if (lastWhole != lastMonth)
        {
            partial.Add((lastMonth, to));
        }

        return (firstWhole, lastWhole, partial);
    }

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
